using Microsoft.Extensions.Logging;
using Rind.Backends;
using Rind.Cli;
using Rind.Diagnostics;
using Rind.Docker;
using Rind.Docker.Configuration;
using Rind.Platform;

namespace Rind;

/// <summary>
/// The backends rind knows and the finders of each: the cluster's labelled pods with --kube (or
/// RIND_KUBE), else the engine's labelled containers and dev containers. Nothing of the backend not
/// chosen is read or set up.
/// </summary>
/// <param name="connectEngine">Opens the engine's client, which settles the API version.</param>
/// <param name="openCluster">Opens the cluster the invocation names, and the finder of its pods.</param>
internal sealed class BackendRegistry(
    IEnvironment environment,
    Func<EngineSettings, ILogger, IDockerEngine> connectEngine,
    Func<Invocation, ILogger, OpenedBackend> openCluster) : IBackendRegistry
{
    public OpenedBackend Open(Invocation invocation, ILogger logger) =>
        KubernetesMode.IsOn(invocation, environment) ? openCluster(invocation, logger) : OpenEngine(invocation, logger);

    private OpenedBackend OpenEngine(Invocation invocation, ILogger logger)
    {
        var config = new Lazy<DockerCliConfig>(() => DockerCliConfigReader.Read(environment));
        var settings = EngineSettingsResolver.Resolve(
            invocation.Host,
            invocation.Context,
            environment,
            () => config.Value,
            SocketFile.Check,
            socket => LogMessages.SocketPassedOver(logger, socket.Origin, socket.Path, socket.Reason));
        LogMessages.EngineChosen(logger, settings.Endpoint.Address, settings.Origin, settings.Tls is not null);
        var backend = new DockerBackend(() => connectEngine(settings, logger), () => config.Value.DetachKeys, logger);
        var finder = new EngineContainerFinder(() => backend.Engine, settings.Endpoint is UnixEngineEndpoint, environment, settings.CallTimeout, logger);
        return new OpenedBackend(backend, finder);
    }
}
