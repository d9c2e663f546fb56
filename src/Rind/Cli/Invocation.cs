namespace Rind.Cli;

/// <summary>
/// What the user asked for, parsed from the command line and nothing else.
/// </summary>
/// <param name="Command">The command and its arguments, exactly as given; empty for a shell.</param>
internal sealed record Invocation(InvocationAction Action, bool Verbose, TtyMode Tty, IReadOnlyList<string> Command)
{
    /// <summary>The engine address given with -H/--host.</summary>
    public string? Host { get; init; }

    /// <summary>The Docker context given with --context.</summary>
    public string? Context { get; init; }

    /// <summary>The compose service given with -s/--service.</summary>
    public string? Service { get; init; }

    /// <summary>The container name or id given with -c/--container.</summary>
    public string? Container { get; init; }
}
