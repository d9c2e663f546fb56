using System.Text.Json.Serialization;

namespace Rind.Kubernetes.Configuration;

/// <summary>What the plugin is told: whether it may ask the user, and the cluster when the kubeconfig provides it.</summary>
internal sealed record ExecCredentialSpec
{
    [JsonPropertyName("interactive")]
    public bool Interactive { get; init; }

    [JsonPropertyName("cluster")]
    public ExecCredentialCluster? Cluster { get; init; }
}
