using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Rind.Backends;
using Rind.Diagnostics;
using Rind.Platform;

namespace Rind.Execution;

/// <summary>
/// Runs one command in the chosen container, whatever the backend. Without a terminal: stdin forwarded
/// until it ends, stdout and stderr kept apart byte for byte. With one: the local terminal in raw mode
/// and the command's terminal kept at its size. Signals that would end rind end the command instead.
/// </summary>
internal sealed class ExecSession(IBackend backend, BackendTraits traits, IStandardStreams streams, ITerminal terminal, ISignals signals, ILogger logger)
{
    /// <summary>How long rind waits for a command it passed a signal to before it ends without it.</summary>
    private static readonly TimeSpan GiveUpAfterSignal = TimeSpan.FromSeconds(10);

    /// <summary>How long rind waits for the backend to record an exit code once the output has ended.</summary>
    private static readonly TimeSpan ExitCodeDeadline = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The same in a terminal session, where output that ends while the command runs on most likely
    /// means the user typed the detach keys.
    /// </summary>
    private static readonly TimeSpan DetachDeadline = TimeSpan.FromSeconds(2);

    /// <summary>How long rind waits for the exec that signals the command's processes to have done so.</summary>
    private static readonly TimeSpan LeftoverDeadline = TimeSpan.FromSeconds(5);

    public ExecOutcome Run(Candidate target, ExecPlan plan)
    {
        var size = plan.Tty ? terminal.GetSize() : null;
        var marker = ProcessMarker.Create();

        // The backends cannot signal an exec, so rind does: Ctrl-C in a script, a kill or a closed
        // terminal reaches the command and all it started, and rind exits with the command's code.
        using var giveUp = new CancellationTokenSource();
        PosixSignal? received = null;
        using var interception = signals.Intercept(signal =>
        {
            received = signal;
            var name = SignalNames.Name(signal);
            new Thread(() => backend.Signal(target, marker, name, TimeSpan.Zero)) { IsBackground = true, Name = "signal" }.Start();
            giveUp.CancelAfter(GiveUpAfterSignal);
        });

        var outcome = Attach(target, plan, marker, size, giveUp.Token);
        if (received is not null)
        {
            // Children that ignore the signal (as a shell's background jobs ignore SIGINT) would otherwise live on.
            backend.Signal(target, marker, "KILL", LeftoverDeadline);
        }

        // Only a signal makes rind give up waiting, so there is one when there is no outcome.
        return outcome ?? new ExecOutcome(SignalNames.ExitCodeOf(received!.Value));
    }

    /// <returns>How the command ended; null when rind gave up waiting for it after passing on a signal.</returns>
    private ExecOutcome? Attach(Candidate target, ExecPlan plan, ProcessMarker marker, TerminalSize? size, CancellationToken giveUp)
    {
        using var process = backend.Start(target, plan, marker, size);
        var output = new ExecOutputCopier(streams, process.Probe, traits.Notices);
        StreamingEnd end;

        // Raw only once the backend has answered: logging in to an ssh:// engine may still ask for a password.
        using (plan.Tty ? TerminalSizeFollower.Follow(terminal, process) : null)
        using (plan.Tty ? terminal.EnterRawMode() : null)
        {
            end = new ExecStreaming(process, output).Run(streams.Input, giveUp);
        }

        switch (end)
        {
            case StreamingEnd.GaveUp:
                return null;
            case StreamingEnd.StdoutFailed:
                // Left running, the command would write on into a connection nobody reads, or never end:
                // SIGPIPE, as a command writing into a pipe nobody reads gets, then SIGKILL for whatever ignores it.
                LogMessages.OutputFailed(logger, output.StdoutFailure!.Message);
                backend.Signal(target, marker, "PIPE", LeftoverDeadline);
                backend.Signal(target, marker, "KILL", LeftoverDeadline);
                return StdoutFailure.OutcomeOf(output.StdoutFailure!);
        }

        var ended = process.WaitForEnd(plan.Tty ? DetachDeadline : ExitCodeDeadline);
        var outcome = ExecOutcomeDecision.Decide(plan, ended, output.HeldNotice, traits);
        return outcome.ReleasesHeldOutput && !output.ReleaseHeld() ? StdoutFailure.OutcomeOf(output.StdoutFailure!) : outcome;
    }
}
