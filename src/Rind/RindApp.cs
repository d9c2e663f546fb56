using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rind.Backends;
using Rind.Cli;
using Rind.Diagnostics;
using Rind.Docker;
using Rind.Docker.Configuration;
using Rind.Execution;
using Rind.Platform;

namespace Rind;

/// <summary>
/// One run of rind: read the invocation, find the labelled container, run the command there.
/// </summary>
internal sealed class RindApp(
    IStandardStreams streams,
    ITerminal terminal,
    ISignals signals,
    IEnvironment environment,
    Func<EngineSettings, ILogger, IDockerEngine> connectEngine,
    Func<Invocation, ILogger, IBackend> openCluster)
{
    public int Run(IReadOnlyList<string> args)
    {
        var verbose = false;
        try
        {
            ArgumentEncoding.CheckArguments(args, StartupBytes.Arguments);
            var invocation = InvocationParser.Parse(args);
            verbose = invocation.Verbose;
            return invocation.Action switch
            {
                InvocationAction.ShowHelp => Print(UsageText.Text),
                InvocationAction.ShowVersion => Print(VersionText.Create()),
                _ => RunCommand(invocation),
            };
        }
        catch (RindException exception)
        {
            return Fail(exception.Message, exception.ExitCode);
        }
        catch (EngineRequestException exception)
        {
            return Fail($"the engine refused a request: {exception.Message}", ExitCodes.RindFailure);
        }
        catch (Exception exception)
        {
            return Fail(verbose ? $"internal error: {exception}" : $"internal error: {exception.Message}", ExitCodes.RindFailure);
        }
    }

    private int RunCommand(Invocation invocation)
    {
        // Without --verbose nothing is logged, so nothing of logging is set up.
        using var loggerFactory = invocation.Verbose
            ? new LoggerFactory([new StderrLoggerProvider(streams.ErrorWriter)], new LoggerFilterOptions { MinLevel = LogLevel.Debug })
            : null;
        var logger = loggerFactory?.CreateLogger("rind") ?? NullLogger.Instance;

        var inputIsTerminal = terminal.IsInputTerminal;
        var ownsInputTerminal = inputIsTerminal && terminal.OwnsInputTerminal;
        var tty = TerminalDecision.UseTerminal(invocation.Tty, inputIsTerminal, terminal.IsOutputTerminal, ownsInputTerminal);
        var commandStreams = TerminalDecision.ReadInput(inputIsTerminal, ownsInputTerminal) ? streams : new StandardStreamsWithoutInput(streams);
        var config = new Lazy<DockerCliConfig>(() => DockerCliConfigReader.Read(environment));

        // Nothing of Kubernetes is read or set up unless it is asked for.
        var kubernetes = KubernetesMode.IsOn(invocation, environment);
        using var backend = kubernetes ? openCluster(invocation, logger) : DockerBackendFor(invocation, config, logger);
        var traits = backend.Connect();

        // A cluster has no compose services; a shell profile's RIND_SERVICE is meant for the engine.
        var criteria = new ContainerCriteria(
            kubernetes ? null : invocation.Service ?? environment.GetSetting("RIND_SERVICE"),
            invocation.Container ?? environment.GetSetting("RIND_CONTAINER"),
            environment.CurrentDirectory);
        var target = backend.Choose(criteria);
        LogMessages.ContainerChosen(logger, target.DisplayName, target.Id, RindLabel.Name);

        var preStep = target.Settings.GetValueOrDefault(RindLabel.Name);
        if (!string.IsNullOrWhiteSpace(preStep))
        {
            LogMessages.PreStepFound(logger, preStep);
        }

        var conditions = new ExecConditions(tty, environment.GetVariable("TERM"), tty && traits.HasDetachKeys ? config.Value.DetachKeys : null, traits.SizesTerminalAtStart)
        {
            LookupVariable = name => ArgumentEncoding.CheckVariable(name, environment.GetVariable(name), StartupBytes.Variable),
            CurrentDirectory = criteria.CurrentDirectory,
            SharesFileSystem = traits.SharesFileSystem,
            HasDetachKeys = traits.HasDetachKeys,
            PreStepSource = $"{RindLabel.Name} {traits.SettingsHolder}",
            HasInput = !commandStreams.HasNoInput,
            CheckCommand = !traits.ReportsStartFailures,
        };
        var plan = ExecPlanner.Plan(invocation, target, conditions);
        if (plan.DetachKeys is { } keys)
        {
            LogMessages.TerminalChosen(logger, plan.Tty, keys);
        }

        var outcome = new ExecSession(backend, traits, commandStreams, terminal, signals, logger).Run(target, plan);
        return outcome.Message is { } message ? Fail(message, outcome.ExitCode) : outcome.ExitCode;
    }

    private IBackend DockerBackendFor(Invocation invocation, Lazy<DockerCliConfig> config, ILogger logger)
    {
        var settings = EngineSettingsResolver.Resolve(
            invocation.Host,
            invocation.Context,
            environment,
            () => config.Value,
            SocketFile.Check,
            socket => LogMessages.SocketPassedOver(logger, socket.Origin, socket.Path, socket.Reason));
        LogMessages.EngineChosen(logger, settings.Endpoint.Address, settings.Origin, settings.Tls is not null);
        return new DockerBackend(() => connectEngine(settings, logger), settings.Endpoint is UnixEngineEndpoint, logger);
    }

    private int Print(string text)
    {
        streams.Output.Write(Encoding.UTF8.GetBytes(text));
        return ExitCodes.Success;
    }

    /// <remarks>
    /// Values from the engine are made safe where they enter a message; this holds for any that did not.
    /// </remarks>
    private int Fail(string message, int exitCode)
    {
        streams.ErrorWriter.Write($"rind: {UntrustedText.ShowLines(message)}\n");
        return exitCode;
    }
}
