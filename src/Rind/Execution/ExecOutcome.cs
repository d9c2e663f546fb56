namespace Rind.Execution;

/// <summary>
/// How a command's run ends for rind: the exit code to end with and, when rind has something to say,
/// the one line it says. Failures before the command runs are thrown as <see cref="RindException"/>;
/// once it has run, its end is told by this value alone.
/// </summary>
/// <param name="ExitCode">What rind exits with.</param>
/// <param name="Message">What rind writes to stderr after "rind: ", or null for nothing.</param>
internal sealed record ExecOutcome(int ExitCode, string? Message = null)
{
    /// <summary>Whether the output held back as a possible notice of the backend's is the command's own, to be written after all.</summary>
    public bool ReleasesHeldOutput { get; init; }
}
