namespace Rind.Docker.Models;

/// <summary>The Config of <c>GET /containers/{id}/json</c>.</summary>
internal sealed record ContainerConfig
{
    /// <summary>The container's environment, as KEY=VALUE.</summary>
    public IReadOnlyList<string>? Env { get; init; }
}
