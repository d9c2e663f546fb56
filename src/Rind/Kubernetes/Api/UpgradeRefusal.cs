using System.Globalization;
using System.Net;

namespace Rind.Kubernetes.Api;

/// <summary>A response other than 101 to an exec's upgrade: the protocol asked for, the status, and the server's words.</summary>
internal sealed record UpgradeRefusal(string Upgrade, HttpStatusCode Status, byte[] Body)
{
    /// <summary>The status and the server's words, as --verbose and a fallback tell them.</summary>
    public string Brief => string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)Status}: {ApiRefusal.Shown(Body)}");

    /// <summary>
    /// The one line for an exec that neither transport opened: the server's refusal as for any request when both
    /// said the same (no such pod, RBAC), else each in turn.
    /// </summary>
    public static RindException Both(string cluster, string what, UpgradeRefusal webSocket, UpgradeRefusal spdy)
    {
        if (webSocket.Status == spdy.Status && webSocket.Body.AsSpan().SequenceEqual(spdy.Body))
        {
            return ApiRefusal.Describe(cluster, what, spdy.Status, spdy.Body);
        }

        return new RindException($"{cluster} refused {what} over WebSocket ({webSocket.Brief}) and over SPDY/3.1 ({spdy.Brief})");
    }
}
