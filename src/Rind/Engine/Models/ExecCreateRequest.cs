namespace Rind.Engine.Models;

/// <summary>The body of <c>POST /containers/{id}/exec</c>.</summary>
internal sealed record ExecCreateRequest
{
    public bool AttachStdin { get; init; }

    public bool AttachStdout { get; init; }

    public bool AttachStderr { get; init; }

    public bool Tty { get; init; }

    public IReadOnlyList<string> Cmd { get; init; } = [];
}
