namespace Rind.Kubernetes.Configuration;

/// <summary>One entry of a kubeconfig's <c>contexts</c>: which cluster, as whom, in which namespace.</summary>
internal sealed record KubeconfigContext(string? Cluster, string? User, string? Namespace);
