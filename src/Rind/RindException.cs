namespace Rind;

/// <summary>
/// A failure rind reports to the user as one line on stderr, ending the run with <see cref="ExitCode"/>.
/// </summary>
internal class RindException(string message, int exitCode = ExitCodes.RindFailure, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int ExitCode { get; } = exitCode;
}
