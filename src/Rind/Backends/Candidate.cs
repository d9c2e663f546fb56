using Rind.Docker.Models;

namespace Rind.Backends;

/// <summary>
/// The container a command runs in, as chosen among the labelled ones: what the exec needs of it.
/// </summary>
/// <param name="Id">What the backend's calls name it by: a container id, or a pod's name.</param>
/// <param name="DisplayName">What messages call it.</param>
/// <param name="Settings">The app.rind labels (Docker) or annotations (Kubernetes) that say how commands run there (see <see cref="RindLabel"/>).</param>
internal sealed record Candidate(string Id, string DisplayName, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The container within a pod; null where the backend has one container per candidate.</summary>
    public string? Container { get; init; }

    /// <summary>Its bind mounts, for mapping the current folder; null where unknown.</summary>
    public IReadOnlyList<MountPoint>? Mounts { get; init; }
}
