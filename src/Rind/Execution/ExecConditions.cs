namespace Rind.Execution;

/// <summary>
/// What the exec's plan depends on besides the invocation and the container.
/// </summary>
/// <param name="Tty">Whether the command gets a terminal.</param>
/// <param name="Term">TERM from rind's environment, passed in so that full-screen programs draw right.</param>
/// <param name="ConfiguredDetachKeys">detachKeys from the Docker CLI's config file.</param>
/// <param name="TerminalSizedAtStart">Whether the backend gives a terminal its size before the command starts.</param>
internal sealed record ExecConditions(bool Tty, string? Term, string? ConfiguredDetachKeys, bool TerminalSizedAtStart)
{
    /// <summary>rind's own environment, for -e KEY.</summary>
    public Func<string, string?> LookupVariable { get; init; } = _ => null;

    /// <summary>The folder rind runs in.</summary>
    public string? CurrentDirectory { get; init; }

    /// <summary>Whether the backend shares rind's file system, so that its bind mounts' sources are rind's folders.</summary>
    public bool SharesFileSystem { get; init; }

    /// <summary>What holds the container's settings, as messages name the pre-step's: the app.rind label, or a pod's annotation.</summary>
    public string PreStepSource { get; init; } = $"{RindLabel.Name} label";

    /// <summary>Whether a shell checks that the command can run before it runs, as the backend would not tell.</summary>
    public bool CheckCommand { get; init; }

    /// <summary>Whether rind's stdin holds input for the command.</summary>
    public bool HasInput { get; init; } = true;

    /// <summary>Whether the backend watches a terminal's input for detach keys.</summary>
    public bool HasDetachKeys { get; init; } = true;
}
