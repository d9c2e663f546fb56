namespace Rind.Docker.Models;

/// <summary>The body of <c>POST /containers/{id}/exec</c>.</summary>
internal sealed record ExecCreateRequest
{
    public bool AttachStdin { get; init; }

    public bool AttachStdout { get; init; }

    public bool AttachStderr { get; init; }

    public bool Tty { get; init; }

    public IReadOnlyList<string> Cmd { get; init; } = [];

    public string? User { get; init; }

    public string? WorkingDir { get; init; }

    public bool Privileged { get; init; }

    /// <summary>KEY=VALUE pairs added to the container's environment for this command.</summary>
    public IReadOnlyList<string>? Env { get; init; }

    /// <summary>The sequence that detaches from a terminal session (engine format: ctrl-p,ctrl-q).</summary>
    public string? DetachKeys { get; init; }

    /// <summary>[rows, columns] of the terminal from the start (API 1.42; older engines ignore it).</summary>
    public IReadOnlyList<int>? ConsoleSize { get; init; }
}
