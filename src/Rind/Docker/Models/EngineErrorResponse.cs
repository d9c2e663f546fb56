namespace Rind.Docker.Models;

/// <summary>The body of every failed engine request.</summary>
internal sealed record EngineErrorResponse
{
    public string? Message { get; init; }
}
