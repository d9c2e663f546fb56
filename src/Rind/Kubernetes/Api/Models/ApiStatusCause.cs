namespace Rind.Kubernetes.Api.Models;

/// <summary>One cause of an <see cref="ApiStatus"/>; the cause ExitCode carries a command's exit code as its message.</summary>
internal sealed record ApiStatusCause
{
    public string? Reason { get; init; }

    public string? Message { get; init; }
}
