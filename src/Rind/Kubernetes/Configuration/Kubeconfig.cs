namespace Rind.Kubernetes.Configuration;

/// <summary>
/// What rind reads of one kubeconfig file, or of several merged: entries by name, as kubectl keys them.
/// </summary>
internal sealed record Kubeconfig
{
    public static readonly Kubeconfig Empty = new();

    public string? CurrentContext { get; init; }

    public IReadOnlyDictionary<string, KubeconfigContext> Contexts { get; init; } = new Dictionary<string, KubeconfigContext>();

    public IReadOnlyDictionary<string, KubeconfigCluster> Clusters { get; init; } = new Dictionary<string, KubeconfigCluster>();

    public IReadOnlyDictionary<string, KubeconfigUser> Users { get; init; } = new Dictionary<string, KubeconfigUser>();
}
