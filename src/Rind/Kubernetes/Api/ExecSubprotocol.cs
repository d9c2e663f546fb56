namespace Rind.Kubernetes.Api;

/// <summary>The WebSocket subprotocols of the exec API rind offers, the preferred one first.</summary>
internal static class ExecSubprotocol
{
    /// <summary>Kubernetes 1.30 and later (OpenShift 4.17): v4 and a message that closes a channel.</summary>
    public const string V5 = "v5.channel.k8s.io";

    /// <summary>Older servers: no way to tell the command its input ended.</summary>
    public const string V4 = "v4.channel.k8s.io";

    public static readonly IReadOnlyList<string> Offered = [V5, V4];
}
