namespace Rind.Kubernetes.Api.Models;

/// <summary>One container of a pod's spec.</summary>
internal sealed record PodContainer
{
    public string Name { get; init; } = "";
}
