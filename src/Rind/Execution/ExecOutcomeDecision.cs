using Rind.Backends;

namespace Rind.Execution;

/// <summary>
/// Decides how rind ends once a command's output has ended: with the command's exit code, as detached
/// from a command that goes on running, or with the reason the command could not be started.
/// </summary>
internal static class ExecOutcomeDecision
{
    /// <summary>The exit code Podman reports for a command it did not see end.</summary>
    private const int UnknownExitCode = -1;

    /// <param name="plan">What was run.</param>
    /// <param name="ended">What the backend said of the command after its output ended.</param>
    /// <param name="heldNotice">The last output, when it was held back as a possible notice of the engine's.</param>
    public static ExecOutcome Decide(ExecPlan plan, ExecState ended, string? heldNotice)
    {
        var notice = EngineNotices.Classify(heldNotice);

        // Podman reports a command it detached from as ended, with no exit code of its own, yet it goes on running.
        var detachedWhileRunning = notice == EngineNotice.DetachedCommandRuns && ended.ExitCode == UnknownExitCode;
        if (ended.Running || detachedWhileRunning)
        {
            if (!plan.Tty)
            {
                return new ExecOutcome(ExitCodes.RindFailure, ended.Running
                    ? "the connection to the command ended while it goes on running in the container"
                    : "the engine took part of the command's input for its detach keys and cut the input short; " +
                      "the command may go on running in the container");
            }

            return new ExecOutcome(ExitCodes.Success, "detached; the command goes on running in the container");
        }

        if (plan.Tty && notice == EngineNotice.DetachedCommandEnded)
        {
            return new ExecOutcome(ExitCodes.Success, "detached; this engine ends the command when one detaches");
        }

        if (ended.StartFailure is { } reason)
        {
            var failure = ExecStartFailure.Classify(plan, reason);
            return new ExecOutcome(failure.ExitCode, failure.Message);
        }

        // A process that never got a pid never ran: what came instead of its output is the engine's reason.
        // Podman reports the failures of its runtime it has no other code for with 125.
        if (notice == EngineNotice.StartFailed && ended.Pid == 0 && ended.ExitCode is ExitCodes.RindFailure or ExitCodes.CannotRun or ExitCodes.NotFound)
        {
            var failure = ExecStartFailure.Classify(plan, heldNotice!);
            return new ExecOutcome(failure.ExitCode, failure.Message);
        }

        // Taken modulo 256 as a shell would, 256 would read as success.
        return ended.ExitCode is { } exitCode and >= ExitCodes.Success and <= ExitCodes.Highest
            ? new ExecOutcome((int)exitCode) { ReleasesHeldOutput = true }
            : new ExecOutcome(ExitCodes.RindFailure, $"the engine reported an impossible exit code ({ended.ExitCode}) for the command") { ReleasesHeldOutput = true };
    }
}
