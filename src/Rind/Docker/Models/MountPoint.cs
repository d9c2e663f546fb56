namespace Rind.Docker.Models;

/// <summary>One of a container's mounts, as <c>GET /containers/json</c> lists them.</summary>
internal sealed record MountPoint
{
    /// <summary>bind, volume, tmpfs, ...</summary>
    public string Type { get; init; } = "";

    /// <summary>For a bind mount, the folder on the engine's host.</summary>
    public string Source { get; init; } = "";

    /// <summary>Where it appears in the container.</summary>
    public string Destination { get; init; } = "";
}
