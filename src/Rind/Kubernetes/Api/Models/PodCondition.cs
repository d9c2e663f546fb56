namespace Rind.Kubernetes.Api.Models;

/// <summary>One condition of a pod's status, such as Ready: True.</summary>
internal sealed record PodCondition
{
    public string Type { get; init; } = "";

    public string Status { get; init; } = "";
}
