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

    /// <summary>The exit code for <paramref name="failure"/>, or the one-line error that tells it.</summary>
    public static int ExitCodeOf(IOException failure) =>
        IsReaderGone(failure)
            ? ExitCodes.BrokenPipe
            : throw new RindException($"cannot write to stdout: {failure.Message}", ExitCodes.OutputFailed, failure);
}
