namespace Rind.Kubernetes.Api.Models;

/// <summary>A pod's status: its phase and its conditions.</summary>
internal sealed record PodStatus
{
    public string? Phase { get; init; }

    public IReadOnlyList<PodCondition>? Conditions { get; init; }
}
