using Rind.Backends;

namespace Rind.Execution;

/// <summary>
/// Decides how rind ends once a command's output has ended: with the command's exit code, as detached
/// from a command that goes on running, or with the reason the command could not be started.
/// </summary>
internal static class ExecOutcomeDecision
{
    /// <param name="plan">What was run.</param>
    /// <param name="ended">What the backend said of the command after its output ended.</param>
    /// <param name="heldNotice">The last output, when it was held back as a possible notice of the backend's.</param>
    /// <param name="traits">What the backend is called, and the notices it may write into the output.</param>
    public static ExecOutcome Decide(ExecPlan plan, ExecState ended, string? heldNotice, BackendTraits traits)
    {
        var notices = traits.Notices;
        var notice = notices?.Classify(heldNotice, ended) ?? OutputNotice.None;
        var detachedWhileRunning = notice == OutputNotice.DetachedCommandRuns;
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

        if (plan.Tty && notice == OutputNotice.DetachedCommandEnded)
        {
            return new ExecOutcome(ExitCodes.Success, "detached; this engine ends the command when one detaches");
        }

        if (ended.StartFailure is { } reason)
        {
            var failure = ExecStartFailure.Classify(plan, reason);
            return new ExecOutcome(failure.ExitCode, failure.Message);
        }

        // A process that never got a pid never ran: what came instead of its output is the backend's reason.
        // Podman reports the failures of its runtime it has no other code for with 125.
        if (notice == OutputNotice.StartFailed && ended.Pid == 0 && ended.ExitCode is ExitCodes.RindFailure or ExitCodes.CannotRun or ExitCodes.NotFound)
        {
            var failure = ExecStartFailure.Classify(plan, notices!.Words(heldNotice!));
            return new ExecOutcome(failure.ExitCode, failure.Message);
        }

        // Taken modulo 256 as a shell would, 256 would read as success.
        return ended.ExitCode is { } exitCode and >= ExitCodes.Success and <= ExitCodes.Highest
            ? new ExecOutcome((int)exitCode) { ReleasesHeldOutput = true }
            : new ExecOutcome(ExitCodes.RindFailure, $"{traits.Server} reported an impossible exit code ({ended.ExitCode}) for the command") { ReleasesHeldOutput = true };
    }
}
