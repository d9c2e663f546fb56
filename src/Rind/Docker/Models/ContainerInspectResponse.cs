namespace Rind.Docker.Models;

/// <summary>What rind reads of <c>GET /containers/{id}/json</c>.</summary>
internal sealed record ContainerInspectResponse
{
    public string Id { get; init; } = "";

    public ContainerState? State { get; init; }

    public ContainerConfig? Config { get; init; }
}
