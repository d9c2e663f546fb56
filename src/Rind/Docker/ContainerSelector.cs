using Rind.Backends;
using Rind.Diagnostics;
using Rind.Docker.Models;
using Rind.Execution;
using Rind.Platform;

namespace Rind.Docker;

/// <summary>
/// Chooses the container to run in from those that carry the label, or says why there is none.
/// A container or service asked for narrows the choice; then the compose project whose folder holds
/// the current directory (the deepest, when project folders nest) narrows it to its own containers.
/// Names, labels and statuses come from the engine: the messages show them through <see cref="UntrustedText"/>,
/// and the commands they suggest quote them for a shell.
/// </summary>
internal static class ContainerSelector
{
    public static ContainerSummary Select(IReadOnlyList<ContainerSummary> labelled, FindCriteria criteria)
    {
        var candidates = Narrow(labelled, criteria);
        if (InCurrentProject(candidates, criteria.CurrentDirectory) is { Length: > 0 } ours)
        {
            candidates = ours;
        }

        var running = candidates.Where(container => container.IsRunning).ToArray();
        if (running.Length == 1)
        {
            return running[0];
        }

        if (running.Length > 1)
        {
            throw Ambiguous(running);
        }

        var stopped = candidates;
        throw stopped.Length switch
        {
            0 => new RindException(
                $"no running container carries the label {RindLabel.Name}: add it to the service to run in " +
                $"(labels: [{RindLabel.Name}] in the compose file) and start the stack (docker compose up -d)"),
            1 => new RindException(
                $"container {Describe(stopped[0])} carries the label {RindLabel.Name} but is not running " +
                $"({StatusOf(stopped[0])}): start it ({StartCommand(stopped[0])})"),
            _ => new RindException(
                $"containers {Names(stopped)} carry the label {RindLabel.Name} but none is running: " +
                "start the one to use (docker start NAME, or docker compose up -d)"),
        };
    }

    private static ContainerSummary[] Narrow(IReadOnlyList<ContainerSummary> labelled, FindCriteria criteria)
    {
        IEnumerable<ContainerSummary> candidates = labelled;
        if (criteria.Container is { } wanted)
        {
            candidates = Named(labelled, wanted);
            if (!candidates.Any())
            {
                throw new RindException(
                    $"no container carrying the label {RindLabel.Name} is named {UntrustedText.Show(wanted)} or has an id starting with it" + Known(labelled));
            }
        }

        if (criteria.Service is { } service)
        {
            var ofService = candidates.Where(container => container.ComposeService == service).ToArray();
            if (ofService.Length == 0)
            {
                throw new RindException($"no container of the service {UntrustedText.Show(service)} carries the label {RindLabel.Name}" + Known(labelled));
            }

            candidates = ofService;
        }

        return candidates.ToArray();
    }

    /// <summary>The containers -c names: those of that exact name, else those whose id starts with it.</summary>
    public static IReadOnlyList<ContainerSummary> Named(IReadOnlyList<ContainerSummary> containers, string wanted)
    {
        var byName = containers.Where(container => container.Names.Any(name => name.TrimStart('/') == wanted)).ToArray();
        return byName.Length > 0 ? byName : [.. containers.Where(container => container.Id.StartsWith(wanted, StringComparison.Ordinal))];
    }

    /// <summary>The containers of the deepest compose project folder that holds the current directory.</summary>
    public static ContainerSummary[] InCurrentProject(IReadOnlyList<ContainerSummary> containers, string? currentDirectory)
    {
        if (currentDirectory is null)
        {
            return [];
        }

        var holding = containers
            .Where(container => container.ComposeWorkingDirectory is { } folder && PathRelation.RelativeInside(currentDirectory, folder) is not null)
            .ToArray();
        if (holding.Length == 0)
        {
            return [];
        }

        var deepest = holding.Max(container => container.ComposeWorkingDirectory!.TrimEnd('/').Length);
        return holding.Where(container => container.ComposeWorkingDirectory!.TrimEnd('/').Length == deepest).ToArray();
    }

    private static RindException Ambiguous(IReadOnlyList<ContainerSummary> running)
    {
        var ordered = running.OrderBy(container => container.DisplayName, StringComparer.Ordinal).ToArray();
        return CandidateChoice.Ambiguous(
            $"{running.Count} running containers carry the label {RindLabel.Name}",
            ordered.Select(container => (Describe(container), PickCommand(container, ordered))));
    }

    /// <summary>The shortest rind option that picks this container out of the others, as it can be pasted into a shell.</summary>
    private static string PickCommand(ContainerSummary container, IReadOnlyList<ContainerSummary> all)
    {
        var service = container.ComposeService;
        if (service is not null && UntrustedText.IsShownAsItIs(service) && all.Count(other => other.ComposeService == service) == 1)
        {
            return $"rind -s {Word(service)}";
        }

        return $"rind -c {Word(Handle(container))}";
    }

    private static string Describe(ContainerSummary container) =>
        (container.ComposeService, container.ComposeProject) switch
        {
            ({ } service, { } project) =>
                $"{UntrustedText.Show(container.DisplayName)} (service {UntrustedText.Show(service)}, project {UntrustedText.Show(project)})",
            _ => UntrustedText.Show(container.DisplayName),
        };

    private static string StartCommand(ContainerSummary container) =>
        (container.ComposeService, container.ComposeProject) switch
        {
            ({ } service, { } project) when UntrustedText.IsShownAsItIs(service) && UntrustedText.IsShownAsItIs(project) =>
                $"{ComposeCommand(container)} -p {Word(project)} start {Word(service)}",
            _ => $"docker start {Word(Handle(container))}, or {ComposeCommand(container)} up -d",
        };

    /// <summary>
    /// The compose that made the container, as it is typed: compose 1.x is the separate docker-compose
    /// program, which a machine that made such containers may have instead of the docker compose plugin.
    /// </summary>
    private static string ComposeCommand(ContainerSummary container) =>
        container.ComposeVersion?.StartsWith("1.", StringComparison.Ordinal) == true ? "docker-compose" : "docker compose";

    private static string Known(IReadOnlyList<ContainerSummary> labelled) =>
        labelled.Count == 0 ? "" : $" (those that do: {string.Join(", ", labelled.OrderBy(c => c.DisplayName, StringComparer.Ordinal).Select(Describe))})";

    private static string Names(IEnumerable<ContainerSummary> containers) =>
        string.Join(", ", containers.Select(container => container.DisplayName).Order(StringComparer.Ordinal).Select(name => UntrustedText.Show(name)));

    private static string StatusOf(ContainerSummary container) =>
        UntrustedText.Show(container.Status.Length > 0 ? container.Status : container.State);

    /// <summary>A value from the engine as one word of a suggested command: safe to show, and quoted for a shell.</summary>
    public static string Word(string value) => ShellWord.Quote(UntrustedText.Show(value));

    /// <summary>What names the container in a command: its name, or its short id when the name could not be typed back as shown.</summary>
    public static string Handle(ContainerSummary container) =>
        UntrustedText.IsShownAsItIs(container.DisplayName) ? container.DisplayName : container.Id[..Math.Min(12, container.Id.Length)];
}
