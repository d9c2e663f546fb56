using Microsoft.Extensions.Logging;
using Rind.Backends;
using Rind.Docker.DevContainers;
using Rind.Docker.Models;
using Rind.Execution;
using Rind.Platform;

namespace Rind.Docker;

/// <summary>
/// Finds the engine's container to run in, the current folder deciding first: the app.rind container
/// of the compose project whose folder holds it, else the dev container whose folder holds it, else the
/// app.rind containers wherever they are (<see cref="ContainerSelector"/>). -s and -c choose among the
/// app.rind containers as they always did; -c also names a dev container.
/// </summary>
/// <param name="engine">The connected client.</param>
/// <param name="sharesFileSystem">Whether the engine shares rind's file system (a unix:// socket), so that bind mounts map the current folder.</param>
/// <param name="callTimeout">How long one call may take, which the probe of a dev container's shell is given too.</param>
internal sealed class EngineContainerFinder(
    Func<IDockerEngine> engine,
    bool sharesFileSystem,
    IEnvironment environment,
    TimeSpan callTimeout,
    ILogger logger) : ICandidateFinder
{
    public Candidate Find(FindCriteria criteria)
    {
        var labelled = engine().ListContainersWithLabel(RindLabel.Name);
        if (criteria.Container is { } wanted && ContainerSelector.Named(labelled, wanted).Count == 0
            && ContainerSelector.Named(DevContainers(), wanted) is [var named])
        {
            return DevContainer(DevContainerSelector.Select([named]), criteria.MayProbe);
        }

        if (criteria is { Container: null, Service: null } && ContainerSelector.InCurrentProject(labelled, criteria.CurrentDirectory).Length == 0
            && DevContainerSelector.Holding(DevContainers(), criteria.CurrentDirectory) is { Count: > 0 } holding)
        {
            return DevContainer(DevContainerSelector.Select(holding), criteria.MayProbe);
        }

        return Labelled(ContainerSelector.Select(labelled, criteria), criteria.CurrentDirectory);
    }

    /// <summary>
    /// For -c the running labelled containers and dev containers, for -s the compose services of the
    /// running labelled containers; an engine has no namespaces.
    /// </summary>
    public IReadOnlyList<NamedChoice> Choices(ChoiceKind kind)
    {
        switch (kind)
        {
            case ChoiceKind.Containers:
                var labelled = engine().ListContainersWithLabel(RindLabel.Name).Where(container => container.IsRunning).ToArray();
                var devContainers = DevContainers().Where(container => container.IsRunning && labelled.All(other => other.Id != container.Id));
                return
                [
                    .. labelled.Select(container => new NamedChoice(container.DisplayName, container.ComposeService is { } service ? $"service {service}" : "labelled container")),
                    .. devContainers.Select(container => new NamedChoice(container.DisplayName, $"dev container of {DevContainerSelector.LocalFolderOf(container)}")),
                ];
            case ChoiceKind.Services:
                return
                [
                    .. engine().ListContainersWithLabel(RindLabel.Name)
                        .Where(container => container.IsRunning && container.ComposeService is not null)
                        .GroupBy(container => container.ComposeService!, StringComparer.Ordinal)
                        .Select(group => new NamedChoice(group.Key, $"project {group.First().ComposeProject}")),
                ];
            default:
                return [];
        }
    }

    /// <summary>A container with the label app.rind, as its labels say commands run there.</summary>
    public Candidate Labelled(ContainerSummary container, string? currentDirectory)
    {
        var inProject = container.ComposeWorkingDirectory is { } folder && currentDirectory is not null
            && PathRelation.RelativeInside(currentDirectory, folder) is not null;
        return new Candidate(container.Id, container.DisplayName, RindLabel.SettingsOf(container.Labels ?? new Dictionary<string, string>(), "label", FoldersOf(container, sharesFileSystem)))
        {
            FoundBy = $"container {container.DisplayName} ({container.Id}) carries the label {RindLabel.Name}" +
                (inProject ? $" in the compose project whose folder {container.ComposeWorkingDirectory} holds the current one" : ""),
        };
    }

    /// <summary>The container's bind mounts, whose sources are rind's own folders only where the engine shares its file system.</summary>
    public static IReadOnlyList<FolderMapping> FoldersOf(ContainerSummary container, bool sharesFileSystem) =>
        sharesFileSystem && container.Mounts is { } mounts
            ? [.. mounts.Where(mount => mount.Type == "bind").Select(mount => new FolderMapping(mount.Source, mount.Destination))]
            : [];

    private IReadOnlyList<ContainerSummary> DevContainers() => engine().ListContainersWithLabel(DevContainerLabels.LocalFolder);

    private Candidate DevContainer(ContainerSummary container, bool mayProbe) =>
        new DevContainerCandidate(engine(), environment, new ProbedEnvironmentCache(environment), sharesFileSystem, mayProbe ? callTimeout : null, logger).For(container);
}
