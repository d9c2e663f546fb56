using Rind.Backends;
using Rind.Docker.Models;

namespace Rind.Docker;

/// <summary>The engine's containers that carry the label app.rind, chosen as <see cref="ContainerSelector"/> says.</summary>
/// <param name="engine">The connected client.</param>
/// <param name="sharesFileSystem">Whether the engine shares rind's file system (a unix:// socket), so that bind mounts map the current folder.</param>
internal sealed class LabelledContainerFinder(Func<IDockerEngine> engine, bool sharesFileSystem) : ICandidateFinder
{
    public Candidate Find(FindCriteria criteria) =>
        CandidateOf(ContainerSelector.Select(engine().ListContainersWithLabel(RindLabel.Name), criteria), sharesFileSystem);

    public static Candidate CandidateOf(ContainerSummary container, bool sharesFileSystem) =>
        new(container.Id, container.DisplayName, RindLabel.SettingsOf(container.Labels ?? new Dictionary<string, string>(), "label", FoldersOf(container, sharesFileSystem)))
        {
            FoundBy = $"container {container.DisplayName} ({container.Id}) carries the label {RindLabel.Name}",
        };

    /// <summary>The container's bind mounts, whose sources are rind's own folders only where the engine shares its file system.</summary>
    public static IReadOnlyList<FolderMapping> FoldersOf(ContainerSummary container, bool sharesFileSystem) =>
        sharesFileSystem && container.Mounts is { } mounts
            ? [.. mounts.Where(mount => mount.Type == "bind").Select(mount => new FolderMapping(mount.Source, mount.Destination))]
            : [];
}
