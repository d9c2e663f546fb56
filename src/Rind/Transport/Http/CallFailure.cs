using System.Globalization;
using Rind.Transport.Dialing;

namespace Rind.Transport.Http;

/// <summary>
/// The one line rind says when a call to an engine or a cluster ran out of time or was answered with more
/// than rind reads: the same words for both, naming the server and the call.
/// </summary>
internal static class CallFailure
{
    /// <param name="server">The server, as messages call it: "the engine at …", "the cluster at …".</param>
    /// <param name="call">What went unanswered: "GET /containers/json", "the list of pods in namespace default".</param>
    public static RindException TimedOut(string server, string call, CallTimeoutException timeout) =>
        new(
            string.Create(CultureInfo.InvariantCulture, $"{server} did not answer {call} within {timeout.Limit.TotalSeconds:0.###} s; ") +
            $"it may be stuck or overloaded ({CallTimeoutSetting.Variable}=SECONDS sets the limit)",
            innerException: timeout);

    /// <param name="answer">What was too large: "a response to GET /containers/json", "the list of pods in namespace default".</param>
    public static RindException TooLarge(string server, string answer, ResponseTooLargeException tooLarge) =>
        new(
            string.Create(CultureInfo.InvariantCulture, $"{server} sent {answer} larger than {tooLarge.Limit / (1024 * 1024)} MiB, more than rind reads; it was not read"),
            innerException: tooLarge);
}
