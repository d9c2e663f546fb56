using Rind.Engine;
using Rind.Engine.Transport;
using Rind.Platform;

namespace Rind;

internal static class Program
{
    private static int Main(string[] args)
    {
        var app = new RindApp(
            ProcessStandardStreams.Open(),
            new UnixTerminal(),
            new PosixSignals(),
            new ProcessEnvironment(),
            (settings, logger) => DockerEngineClient.Connect(settings.Endpoint, EngineDialers.Create(settings), settings.ApiVersion, logger, settings.CallTimeout));
        return app.Run(args);
    }
}
