namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>The remote-command WebSocket subprotocols the fake speaks, and which one a request gets.</summary>
internal static class ExecSubprotocols
{
    /// <summary>Its close message (<c>[255, channel]</c>) ends one stream, as stdin's end.</summary>
    public const string V5 = "v5.channel.k8s.io";

    /// <summary>The status channel carries a Status; stdin's end cannot be told.</summary>
    public const string V4 = "v4.channel.k8s.io";

    /// <summary>
    /// The subprotocol agreed to, or null to refuse the upgrade. A current cluster's API server takes
    /// v5 whenever it is offered, and hands anything else to the kubelet, which takes v4; an old
    /// cluster has only the kubelet's.
    /// </summary>
    public static string? Choose(IReadOnlyList<string> offered, bool v4Only) =>
        !v4Only && offered.Contains(V5) ? V5
        : offered.Contains(V4) ? V4
        : null;
}
