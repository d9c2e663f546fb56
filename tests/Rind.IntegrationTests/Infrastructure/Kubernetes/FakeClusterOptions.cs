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
    /// An old cluster (Kubernetes before 1.30, OpenShift 4.16 and older): exec speaks
    /// v4.channel.k8s.io only, and refuses an upgrade that offers nothing else, as such a cluster's
    /// container runtime does (403, no body).
    /// </summary>
    public bool V4Only { get; init; }

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
