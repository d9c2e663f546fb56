namespace Rind.Execution;

/// <summary>
/// What the plan of a command takes from rind's side: its terminal, its input, its folder and its environment.
/// </summary>
/// <param name="Tty">Whether the command gets a terminal.</param>
/// <param name="Term">TERM from rind's environment, passed in so that full-screen programs draw right.</param>
internal sealed record LocalConditions(bool Tty, string? Term)
{
    /// <summary>rind's own environment, for -e KEY.</summary>
    public Func<string, string?> LookupVariable { get; init; } = _ => null;

    /// <summary>The folder rind runs in.</summary>
    public string? CurrentDirectory { get; init; }

    /// <summary>Whether rind's stdin holds input for the command.</summary>
    public bool HasInput { get; init; } = true;

    /// <summary>Whether the command's stdout is an answer a program reads (completion's), which the pre-step must not print into.</summary>
    public bool StdoutIsAnswer { get; init; }
}
