namespace Rind.Docker.Models;

/// <summary>One entry of <c>GET /containers/json</c>.</summary>
internal sealed record ContainerSummary
{
    public string Id { get; init; } = "";

    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>created, restarting, running, removing, paused, exited or dead.</summary>
    public string State { get; init; } = "";

    public string Status { get; init; } = "";

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public IReadOnlyList<MountPoint>? Mounts { get; init; }

    /// <summary>The name without the engine's leading slash, or the short id when it has none.</summary>
    public string DisplayName =>
        Names.Count > 0 ? Names[0].TrimStart('/') : Id[..Math.Min(12, Id.Length)];

    public bool IsRunning => State == "running";

    /// <summary>The compose service the container belongs to, when compose made it.</summary>
    public string? ComposeService => Labels?.GetValueOrDefault(ComposeLabels.Service);

    /// <summary>The compose project the container belongs to, when compose made it.</summary>
    public string? ComposeProject => Labels?.GetValueOrDefault(ComposeLabels.Project);

    /// <summary>The folder compose ran in to make the container.</summary>
    public string? ComposeWorkingDirectory => Labels?.GetValueOrDefault(ComposeLabels.WorkingDirectory);

    /// <summary>The version of compose that made the container.</summary>
    public string? ComposeVersion => Labels?.GetValueOrDefault(ComposeLabels.Version);
}
