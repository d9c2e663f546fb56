namespace Rind.Engine.Models;

/// <summary>The answer to <c>POST /containers/{id}/exec</c>.</summary>
internal sealed record ExecCreateResponse
{
    public string Id { get; init; } = "";
}
