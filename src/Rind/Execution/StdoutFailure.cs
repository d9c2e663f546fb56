using Rind.Platform;

namespace Rind.Execution;

/// <summary>What a failed write to rind's stdout means for how rind ends.</summary>
internal static class StdoutFailure
{
    /// <summary>
    /// Whether the reader went away (EPIPE): then rind ends quietly with 141, as a command killed by
    /// SIGPIPE does, the way <c>… | head</c> expects. Any other failure is one the user has to hear of.
    /// </summary>
    public static bool IsReaderGone(IOException failure) => failure.HResult == NativeMethods.BrokenPipe;

    /// <summary>How rind ends after <paramref name="failure"/>: quietly, or with the line that tells it.</summary>
    public static ExecOutcome OutcomeOf(IOException failure) =>
        IsReaderGone(failure)
            ? new ExecOutcome(ExitCodes.BrokenPipe)
            : new ExecOutcome(ExitCodes.OutputFailed, $"cannot write to stdout: {failure.Message}");
}
