namespace Rind.Docker.Models;

/// <summary>The response to <c>POST /containers/{id}/exec</c>.</summary>
internal sealed record ExecCreateResponse
{
    public string Id { get; init; } = "";
}
