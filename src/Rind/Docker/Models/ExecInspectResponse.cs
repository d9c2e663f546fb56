namespace Rind.Docker.Models;

/// <summary>The response to <c>GET /exec/{id}/json</c>.</summary>
internal sealed record ExecInspectResponse
{
    public bool Running { get; init; }

    public long? ExitCode { get; init; }

    /// <summary>The process id on the engine's host; 0 when the process never started.</summary>
    public int Pid { get; init; }
}
