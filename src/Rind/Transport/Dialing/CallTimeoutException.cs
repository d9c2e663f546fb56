using System.Globalization;

namespace Rind.Transport.Dialing;

/// <summary>
/// The server did not answer a request within its deadline; the connection was broken off.
/// </summary>
internal sealed class CallTimeoutException(TimeSpan limit, Exception? innerException = null)
    : IOException(string.Create(CultureInfo.InvariantCulture, $"no answer within {limit.TotalSeconds:0.###} s"), innerException)
{
    public TimeSpan Limit { get; } = limit;
}
