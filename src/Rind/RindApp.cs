using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rind.Backends;
using Rind.Cli;
using Rind.Completion;
using Rind.Diagnostics;
using Rind.Execution;
using Rind.Platform;

namespace Rind;

/// <summary>
/// One run of rind: read the invocation, find where to run, run the command there.
/// </summary>
internal sealed class RindApp(IStandardStreams streams, ITerminal terminal, ISignals signals, IEnvironment environment, IBackendRegistry backends)
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
                InvocationAction.ShowCompletion => Print(CompletionScript.For(invocation.CompletionShell!)),
                _ => RunCommand(invocation),
            };
        }
        catch (RindException exception)
        {
            return Fail(exception.Message, exception.ExitCode);
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

        using var opened = backends.Open(invocation, logger);
        var traits = opened.Backend.Connect();
        var target = opened.Finder.Find(FindCriteria.Of(invocation, environment));
        LogMessages.CandidateChosen(logger, target.FoundBy);
        if (target.Settings.PreStep is { } preStep)
        {
            LogMessages.PreStepFound(logger, target.Settings.Source, preStep);
        }

        var plan = ExecPlanner.Plan(invocation, target, traits, new LocalConditions(tty, environment.GetVariable("TERM"))
        {
            LookupVariable = name => ArgumentEncoding.CheckVariable(name, environment.GetVariable(name), StartupBytes.Variable),
            CurrentDirectory = environment.CurrentDirectory,
            HasInput = !commandStreams.HasNoInput,
        });
        var outcome = new ExecSession(opened.Backend, traits, commandStreams, terminal, signals, logger).Run(target, plan);
        return outcome.Message is { } message ? Fail(message, outcome.ExitCode) : outcome.ExitCode;
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
