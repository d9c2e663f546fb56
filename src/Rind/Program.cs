using Rind.Backends;
using Rind.Completion;
using Rind.Docker;
using Rind.Docker.Dialing;
using Rind.Kubernetes;
using Rind.Kubernetes.Configuration;
using Rind.Platform;
using Rind.Transport;

namespace Rind;

internal static class Program
{
    private static int Main(string[] args)
    {
        var completing = args is [CompletionRun.Option, ..];
        if (completing)
        {
            PromptSilence.Apply();
        }

        var streams = ProcessStandardStreams.Open();
        var terminal = new UnixTerminal();
        var environment = new ProcessEnvironment();
        var backends = new BackendRegistry(
            environment,
            (settings, logger) => DockerEngineClient.Connect(settings.Endpoint, EngineDialers.Create(settings), settings.ApiVersion, logger, settings.CallTimeout),
            (invocation, logger) =>
            {
                var cluster = new KubernetesBackend(
                    KubeconfigResolver.Resolve(environment, invocation.KubeContext, invocation.Namespace, streams, terminal),
                    CallTimeoutSetting.Read(environment),
                    environment,
                    logger);
                return new OpenedBackend(cluster, cluster.Pods);
            });
        return completing
            ? new CompletionRun(streams, environment, new Completer(backends, new CompletionSources(environment), environment)).Run(args[1..])
            : new RindApp(streams, terminal, new PosixSignals(), environment, backends).Run(args);
    }
}
