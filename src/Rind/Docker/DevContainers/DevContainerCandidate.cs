using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rind.Backends;
using Rind.Diagnostics;
using Rind.Docker.Models;
using Rind.Execution;
using Rind.Platform;

namespace Rind.Docker.DevContainers;

/// <summary>
/// How commands run in a dev container, as its tools run them: as remoteUser (else containerUser),
/// with the environment of the user's shell (userEnvProbe, probed once a container start and kept on
/// the host) under remoteEnv, in the workspace folder that matches the current one. The app.rind
/// labels, where the container has them too, still give the pre-step, the shell and the user.
/// </summary>
/// <param name="sharesFileSystem">Whether the engine shares rind's file system, so that the workspace's bind mount maps the current folder.</param>
/// <param name="patience">How long the probe of the user's shell may take; null for no probe, only what an earlier one kept.</param>
internal sealed class DevContainerCandidate(
    IDockerEngine engine,
    IEnvironment environment,
    ProbedEnvironmentCache cache,
    bool sharesFileSystem,
    TimeSpan? patience,
    ILogger logger)
{
    public Candidate For(ContainerSummary container)
    {
        var labels = container.Labels ?? new Dictionary<string, string>();
        var localFolder = DevContainerSelector.LocalFolderOf(container) ?? "";
        var metadata = MetadataOf(labels);
        var folders = EngineContainerFinder.FoldersOf(container, sharesFileSystem);
        var settings = RindLabel.SettingsOf(labels, "label", folders);
        var user = settings.User ?? metadata.User;
        var inspect = engine.InspectContainer(container.Id);
        var containerEnv = Variables(inspect.Config?.Env ?? []);
        var variables = new DevContainerVariables(
            environment.GetVariable,
            name => containerEnv.GetValueOrDefault(name),
            localFolder,
            WorkingDirectoryMapper.Map(localFolder, folders));

        List<string> remoteEnvironment = [.. Probed(container, inspect, user, metadata.Probe)];
        foreach (var (name, value) in metadata.RemoteEnv)
        {
            remoteEnvironment.RemoveAll(variable => variable.StartsWith(name + "=", StringComparison.Ordinal));
            if (value is not null)
            {
                remoteEnvironment.Add($"{name}={variables.Substitute(value)}");
            }
        }

        return new Candidate(container.Id, container.DisplayName, settings with { User = user, Environment = remoteEnvironment })
        {
            FoundBy = $"dev container {container.DisplayName} ({container.Id}) of {localFolder} ({DevContainerLabels.LocalFolder}) holds the current folder",
        };
    }

    private DevContainerMetadata MetadataOf(IReadOnlyDictionary<string, string> labels)
    {
        try
        {
            return DevContainerMetadata.Parse(labels.GetValueOrDefault(DevContainerLabels.Metadata));
        }
        catch (JsonException exception)
        {
            // The tools made the container; a label rind cannot read leaves it as good as one without settings.
            LogMessages.DevContainerMetadataUnread(logger, JsonFailure.Describe(exception));
            return DevContainerMetadata.Empty;
        }
    }

    /// <summary>The environment of the user's shell: kept from an earlier probe of this start of the container, else probed now and kept.</summary>
    private IReadOnlyList<string> Probed(ContainerSummary container, ContainerInspectResponse inspect, string? user, UserEnvProbe probe)
    {
        if (probe == UserEnvProbe.None)
        {
            return [];
        }

        var key = $"rind-probe-1 {inspect.State?.StartedAt} {user} {probe}";
        if (cache.Read(container.Id, key) is { } kept)
        {
            LogMessages.UserEnvironmentKept(logger, cache.Folder ?? "");
            return kept;
        }

        if (patience is not { } allowed)
        {
            LogMessages.UserEnvironmentNotProbed(logger, "no probe was allowed, and none was kept");
            return [];
        }

        try
        {
            var probed = UserEnvironmentProbe.Run(engine, container.Id, user, probe, allowed);
            if (probed is null)
            {
                LogMessages.UserEnvironmentNotProbed(logger, "the shell printed no environment");
                return [];
            }

            var notKept = cache.Write(container.Id, key, probed);
            LogMessages.UserEnvironmentProbed(logger, probed.Count, notKept ?? $"kept in {cache.Folder}");
            return probed;
        }
        catch (Exception exception) when (exception is RindException or IOException or InvalidDataException)
        {
            // As the tools do, a probe that fails leaves the container's own environment.
            LogMessages.UserEnvironmentNotProbed(logger, exception.Message);
            return [];
        }
    }

    private static Dictionary<string, string> Variables(IReadOnlyList<string> environment)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in environment)
        {
            var equals = variable.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                variables[variable[..equals]] = variable[(equals + 1)..];
            }
        }

        return variables;
    }
}
