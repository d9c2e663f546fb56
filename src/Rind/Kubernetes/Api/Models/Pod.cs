namespace Rind.Kubernetes.Api.Models;

/// <summary>One pod of a <see cref="PodList"/>.</summary>
internal sealed record Pod
{
    public PodMetadata Metadata { get; init; } = new();

    public PodSpec Spec { get; init; } = new();

    public PodStatus Status { get; init; } = new();
}
