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

    /// <summary>The container name or id given with -c/--container; in Kubernetes mode, a pod's name or the start of one.</summary>
    public string? Container { get; init; }

    /// <summary>--kube: run in the labelled pod of a Kubernetes cluster instead of a Docker container.</summary>
    public bool Kube { get; init; }

    /// <summary>The kubeconfig context given with --kube-context, as kubectl's --context.</summary>
    public string? KubeContext { get; init; }

    /// <summary>The Kubernetes namespace given with -n/--namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>-e/--env: KEY=VALUE, or KEY to pass rind's own value on.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <summary>-u/--user: the user (name or uid[:gid]) to run as.</summary>
    public string? User { get; init; }

    /// <summary>-w/--workdir: the folder in the container to run in.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>--no-cwd: do not map the current directory into the container.</summary>
    public bool NoCwd { get; init; }

    /// <summary>--privileged: run with extended privileges.</summary>
    public bool Privileged { get; init; }

    /// <summary>--completion: the shell whose completion script to print.</summary>
    public string? CompletionShell { get; init; }

    /// <summary>Whether both -t and -T were given, which the parser refuses.</summary>
    public bool TtyConflict { get; init; }
}
