using System.Globalization;
using Rind.Platform;

namespace Rind.Transport;

/// <summary>
/// RIND_TIMEOUT: how long one call to the server may take, from dialling to the end of its response. It
/// bounds a cluster's calls as it bounds an engine's.
/// </summary>
internal static class CallTimeoutSetting
{
    /// <summary>The environment variable, in seconds.</summary>
    public const string Variable = "RIND_TIMEOUT";

    /// <summary>Generous: an engine or an API server under load answers in well under a second.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    /// <summary>Seconds, fractions allowed; 0 for no limit (<see cref="Timeout.InfiniteTimeSpan"/>).</summary>
    /// <exception cref="RindException">The value is not a number of seconds.</exception>
    public static TimeSpan Read(IEnvironment environment)
    {
        if (environment.GetSetting(Variable) is not { } text)
        {
            return Default;
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds > int.MaxValue / 1000)
        {
            throw new RindException($"{Variable}={text} is not a number of seconds (such as 30, or 0 for no limit)");
        }

        return seconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(Math.Max(1, seconds * 1000));
    }
}
