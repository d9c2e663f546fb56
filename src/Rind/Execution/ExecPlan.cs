namespace Rind.Execution;

/// <summary>
/// Everything decided about the exec before rind asks the backend to start it.
/// </summary>
/// <param name="Argv">What the exec runs.</param>
/// <param name="Tty">Whether the command gets a terminal.</param>
/// <param name="Environment">KEY=VALUE pairs set for the command.</param>
internal sealed record ExecPlan(IReadOnlyList<string> Argv, bool Tty, IReadOnlyList<string> Environment)
{
    /// <summary>The user to run as; null for the container's.</summary>
    public string? User { get; init; }

    /// <summary>The folder to run in; null for the container's.</summary>
    public string? WorkingDirectory { get; init; }

    public bool Privileged { get; init; }

    /// <summary>Whether the command gets input from rind; false when rind's stdin holds none, as /dev/null.</summary>
    public bool HasInput { get; init; } = true;
}
