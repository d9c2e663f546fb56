using Rind.Docker;
using Rind.Docker.Configuration;
using Rind.Docker.Dialing;
using Rind.Kubernetes;
using Rind.Kubernetes.Configuration;
using Rind.Platform;

namespace Rind;

internal static class Program
{
    private static int Main(string[] args)
    {
        var streams = ProcessStandardStreams.Open();
        var terminal = new UnixTerminal();
        var environment = new ProcessEnvironment();
        var app = new RindApp(
            streams,
            terminal,
            new PosixSignals(),
            environment,
            (settings, logger) => DockerEngineClient.Connect(settings.Endpoint, EngineDialers.Create(settings), settings.ApiVersion, logger, settings.CallTimeout),
            (invocation, logger) => new KubernetesBackend(
                KubeconfigResolver.Resolve(environment, invocation.KubeContext, invocation.Namespace, streams, terminal),
                Transport.CallTimeoutSetting.Read(environment),
                environment,
                logger));
        return app.Run(args);
    }
}
