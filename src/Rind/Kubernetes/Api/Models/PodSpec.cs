namespace Rind.Kubernetes.Api.Models;

/// <summary>A pod's spec: its containers, in order.</summary>
internal sealed record PodSpec
{
    public IReadOnlyList<PodContainer> Containers { get; init; } = [];
}
