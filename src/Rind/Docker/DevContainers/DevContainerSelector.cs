using Rind.Backends;
using Rind.Diagnostics;
using Rind.Docker.Models;
using Rind.Execution;

namespace Rind.Docker.DevContainers;

/// <summary>
/// Chooses the dev container of the current folder: among those whose devcontainer.local_folder is the
/// current folder or its nearest parent (searched upward, as git finds its repository), the one that
/// runs; several that run (told apart by devcontainer.config_file) are listed to choose from, and one
/// that does not run is named with the command that brings it up.
/// </summary>
internal static class DevContainerSelector
{
    /// <summary>The dev containers of the nearest folder that holds <paramref name="currentDirectory"/>; empty when none does.</summary>
    public static IReadOnlyList<ContainerSummary> Holding(IReadOnlyList<ContainerSummary> devContainers, string? currentDirectory)
    {
        if (currentDirectory is null)
        {
            return [];
        }

        var holding = devContainers
            .Where(container => LocalFolderOf(container) is { } folder && folder.StartsWith('/') && PathRelation.RelativeInside(currentDirectory, folder) is not null)
            .ToArray();
        if (holding.Length == 0)
        {
            return [];
        }

        var nearest = holding.Max(container => Normalized(LocalFolderOf(container)!).Length);
        return [.. holding.Where(container => Normalized(LocalFolderOf(container)!).Length == nearest)];
    }

    /// <param name="holding">The dev containers of one folder, from <see cref="Holding"/>.</param>
    public static ContainerSummary Select(IReadOnlyList<ContainerSummary> holding)
    {
        var running = holding.Where(container => container.IsRunning).ToArray();
        if (running.Length == 1)
        {
            return running[0];
        }

        if (running.Length > 1)
        {
            throw CandidateChoice.Ambiguous(
                $"{running.Length} running dev containers hold the folder {UntrustedText.Show(LocalFolderOf(running[0])!)}",
                running
                    .OrderBy(container => container.DisplayName, StringComparer.Ordinal)
                    .Select(container => ($"{UntrustedText.Show(container.DisplayName)} ({Config(container)})", $"rind -c {ContainerSelector.Word(ContainerSelector.Handle(container))}")));
        }

        var stopped = holding.OrderByDescending(container => container.Id, StringComparer.Ordinal).First();
        var folder = LocalFolderOf(stopped)!;
        throw new RindException(
            $"the dev container {UntrustedText.Show(stopped.DisplayName)} of {UntrustedText.Show(folder)} is not running " +
            $"({UntrustedText.Show(stopped.Status.Length > 0 ? stopped.Status : stopped.State)}): start it ({UpCommand(stopped, folder)})");
    }

    public static string? LocalFolderOf(ContainerSummary container) => container.Labels?.GetValueOrDefault(DevContainerLabels.LocalFolder);

    /// <summary>
    /// The devcontainer CLI's command that brings the container up again, as it can be pasted into a
    /// shell; with the config file when it is not where the CLI looks by default.
    /// </summary>
    private static string UpCommand(ContainerSummary container, string folder)
    {
        var command = $"devcontainer up --workspace-folder {ContainerSelector.Word(folder)}";
        var config = container.Labels?.GetValueOrDefault(DevContainerLabels.ConfigFile);
        var defaults = new[] { Path.Combine(folder, ".devcontainer", "devcontainer.json"), Path.Combine(folder, ".devcontainer.json") };
        return config is null || defaults.Contains(config, StringComparer.Ordinal) ? command : $"{command} --config {ContainerSelector.Word(config)}";
    }

    private static string Config(ContainerSummary container) =>
        container.Labels?.GetValueOrDefault(DevContainerLabels.ConfigFile) is { } config ? UntrustedText.Show(config) : "no config file named";

    private static string Normalized(string folder) => folder.Length > 1 ? folder.TrimEnd('/') : folder;

}
