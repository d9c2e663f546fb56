using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rind.Cli;
using Rind.Configuration;
using Rind.Diagnostics;
using Rind.Engine;
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
    Func<EngineSettings, ILogger, IDockerEngine> connectEngine)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
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
                _ => await RunCommandAsync(invocation, cancellationToken).ConfigureAwait(false),
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

    private async Task<int> RunCommandAsync(Invocation invocation, CancellationToken cancellationToken)
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
        var detachKeys = tty ? config.Value.DetachKeys : null;
        var settings = EngineSettingsResolver.Resolve(
            invocation.Host,
            invocation.Context,
            environment,
            () => config.Value,
            SocketFile.Check,
            socket => LogMessages.SocketPassedOver(logger, socket.Origin, socket.Path, socket.Reason));
        LogMessages.EngineChosen(logger, settings.Endpoint.Address, settings.Origin, settings.Tls is not null);
        using var engine = connectEngine(settings, logger);
        var apiVersion = await engine.ConnectAsync(cancellationToken).ConfigureAwait(false);

        var labelled = await engine.ListContainersWithLabelAsync(RindLabel.Name, cancellationToken).ConfigureAwait(false);
        var criteria = new ContainerCriteria(
            invocation.Service ?? environment.GetSetting("RIND_SERVICE"),
            invocation.Container ?? environment.GetSetting("RIND_CONTAINER"),
            environment.CurrentDirectory);
        var container = ContainerSelector.Select(labelled, criteria);
        LogMessages.ContainerChosen(logger, container.DisplayName, container.Id, RindLabel.Name);

        var preStep = container.Labels?.GetValueOrDefault(RindLabel.Name);
        if (!string.IsNullOrWhiteSpace(preStep))
        {
            LogMessages.PreStepFound(logger, preStep);
        }

        var conditions = new ExecConditions(tty, environment.GetVariable("TERM"), detachKeys, apiVersion)
        {
            LookupVariable = name => ArgumentEncoding.CheckVariable(name, environment.GetVariable(name), StartupBytes.Variable),
            CurrentDirectory = criteria.CurrentDirectory,
            EngineIsLocal = settings.Endpoint is UnixEngineEndpoint,
        };
        var plan = ExecPlanner.Plan(invocation, container, conditions);
        if (plan.DetachKeys is { } keys)
        {
            LogMessages.TerminalChosen(logger, plan.Tty, keys);
        }

        return await new ExecSession(engine, commandStreams, terminal, signals, logger).RunAsync(container, plan, cancellationToken).ConfigureAwait(false);
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
