using System.Net;

namespace Rind.Engine;

/// <summary>
/// The engine answered a request with an error status.
/// </summary>
internal sealed class EngineRequestException(HttpStatusCode statusCode, string engineMessage)
    : Exception(engineMessage)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}
