namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>How a fake cluster behaves.</summary>
public sealed record FakeClusterOptions
{
    /// <summary>
    /// The bearer token the server accepts; null accepts any request, with or without one. A client
    /// certificate the cluster issued (<see cref="FakeCluster.IssueClientCertificate"/>) is accepted too.
    /// </summary>
    public string? Token { get; init; } = "fake-token-" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// An old cluster (Kubernetes before 1.30, OpenShift 4.16 and older): exec over WebSocket speaks
    /// v4.channel.k8s.io only, and refuses an upgrade that offers nothing else, as such a cluster's
    /// container runtime does (403, no body). SPDY is served, as there.
    /// </summary>
    public bool V4Only { get; init; }

    /// <summary>
    /// OpenShift 4.18 to 4.21 (Kubernetes 1.31 to 1.34, with TranslateStreamCloseWebsocketRequests
    /// off): every WebSocket exec upgrade is refused with 403 and a Forbidden Status, before anything
    /// runs; exec works over SPDY/3.1 only.
    /// </summary>
    public bool WebSocketRefused { get; init; }

    /// <summary>A gateway that speaks WebSocket only: a SPDY upgrade is refused with 400 and a BadRequest Status.</summary>
    public bool SpdyRefused { get; init; }

    /// <summary>
    /// SPDY/3.1's flow control, which the real servers (spdystream) do not keep: 64 KiB windows per
    /// stream and for the session. Output waits for the client's WINDOW_UPDATE once a window is
    /// spent, and stdin's window is granted again as the command consumes it; a client that never
    /// sends WINDOW_UPDATE stalls after 64 KiB of output.
    /// </summary>
    public bool SpdyKeepsWindows { get; init; }

    /// <summary>The server sends a SPDY PING of its own at this interval during a session, and counts the client's answers; null sends none.</summary>
    public TimeSpan? SpdyPingInterval { get; init; }

    /// <summary>
    /// A server that stopped answering: once an exec's upgrade is done and its command started, the
    /// server neither reads nor writes on that connection any more and answers no ping, but keeps it
    /// open. Both transports.
    /// </summary>
    public bool ExecGoesSilent { get; init; }

    /// <summary>What <c>/version</c> says; kubectl from the Google Cloud SDK picks its own version by it.</summary>
    public string GitVersion { get; init; } = "v1.32.4";

    /// <summary>The name the server gives the client in its messages (RBAC refusals), as the authenticator would.</summary>
    public string UserName { get; init; } = "fake-user";

    /// <summary>
    /// What RBAC refuses, each as "verb resource": "list pods", "get pods", "get namespaces",
    /// "create pods/exec". The exec upgrade needs "create pods/exec", as with
    /// AuthorizePodWebsocketUpgradeCreatePermission.
    /// </summary>
    public IReadOnlySet<string> Forbidden { get; init; } = new HashSet<string>();
}
