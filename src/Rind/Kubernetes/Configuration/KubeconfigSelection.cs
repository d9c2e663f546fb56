namespace Rind.Kubernetes.Configuration;

/// <summary>The context in use and what it names, checked: the server is an http(s) address.</summary>
/// <param name="UserName">The user the context names; null for none (requests go without credentials).</param>
internal sealed record KubeconfigSelection(
    string ContextName,
    string Namespace,
    string ClusterName,
    KubeconfigCluster Cluster,
    Uri Server,
    Uri? Proxy,
    string? UserName,
    KubeconfigUser User);
