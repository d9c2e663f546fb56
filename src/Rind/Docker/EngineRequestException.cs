using System.Net;
using Rind.Diagnostics;

namespace Rind.Docker;

/// <summary>
/// The engine answered a request with an error status. Its words are kept as they can be shown: on one
/// line, with their control characters as escapes, and bounded.
/// </summary>
internal sealed class EngineRequestException(HttpStatusCode statusCode, string engineMessage)
    : RindException($"the engine refused a request: {UntrustedText.Show(engineMessage, ShownLength)}")
{
    /// <summary>An engine's message may be longer than a name or a label, and still worth reading whole.</summary>
    private const int ShownLength = 1000;

    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The engine's own words, made safe to show.</summary>
    public string EngineMessage { get; } = UntrustedText.Show(engineMessage, ShownLength);
}
