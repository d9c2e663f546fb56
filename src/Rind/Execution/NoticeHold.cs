using Rind.Backends;

namespace Rind.Execution;

/// <summary>
/// How long output that may be a notice of the backend's is held back: until the backend shows the
/// command runs, and never longer than a short while or more than a few KiB, so that a command that
/// only prints such a line loses neither its output's timeliness nor rind's memory.
/// </summary>
internal static class NoticeHold
{
    /// <summary>The most output held; the notices of Docker and Podman, with what Podman adds to them, are far shorter.</summary>
    public const int MaxBytes = 4 * 1024;

    /// <summary>How long output is held when the backend cannot tell; its notices come at once after the start.</summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(1);

    /// <param name="heldFor">How long the output has been held.</param>
    /// <param name="exec">What the backend says of the exec now; null when it did not answer.</param>
    public static HeldOutputDecision Decide(TimeSpan heldFor, ExecState? exec) => exec switch
    {
        // A pid, or a process the backend counts as running once its notice was sent: the command started.
        { Running: true } or { Pid: > 0 } => HeldOutputDecision.Release,
        { Running: false, ExitCode: not null } => HeldOutputDecision.KeepToTheEnd,
        _ => heldFor >= MaxTime ? HeldOutputDecision.Release : HeldOutputDecision.AskAgain,
    };
}
