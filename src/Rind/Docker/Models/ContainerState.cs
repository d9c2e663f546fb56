namespace Rind.Docker.Models;

/// <summary>The State of <c>GET /containers/{id}/json</c>.</summary>
internal sealed record ContainerState
{
    public bool Running { get; init; }

    /// <summary>When the container last started, as the engine writes it; it changes with every start.</summary>
    public string StartedAt { get; init; } = "";
}
