namespace Rind.Engine.Models;

/// <summary>The body of <c>POST /exec/{id}/start</c>.</summary>
internal sealed record ExecStartRequest
{
    public bool Detach { get; init; }

    public bool Tty { get; init; }
}
