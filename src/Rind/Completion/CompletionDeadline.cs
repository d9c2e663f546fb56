using System.Globalization;
using Rind.Platform;

namespace Rind.Completion;

/// <summary>How long a Tab may take: RIND_COMPLETION_TIMEOUT seconds, else one; past it nothing is completed.</summary>
internal static class CompletionDeadline
{
    public const string Variable = "RIND_COMPLETION_TIMEOUT";

    public static readonly TimeSpan Default = TimeSpan.FromSeconds(1);

    /// <summary>The most a setting may ask for: a prompt that waits longer is a hung one.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(60);

    /// <remarks>A setting that is not a positive number of seconds leaves the default: completion has no way to say it is wrong.</remarks>
    public static TimeSpan Read(IEnvironment environment) =>
        environment.GetSetting(Variable) is { } text
            && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            && seconds > 0
            ? TimeSpan.FromSeconds(Math.Min(seconds, Longest.TotalSeconds))
            : Default;
}
