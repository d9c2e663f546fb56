namespace Rind.Kubernetes.Api.Models;

/// <summary>
/// The API's Status object: the body of a refused request, and the message an exec ends with on its
/// status channel.
/// </summary>
internal sealed record ApiStatus
{
    /// <summary>Success or Failure.</summary>
    public string? Status { get; init; }

    public string? Message { get; init; }

    /// <summary>Why it failed, in one word: Forbidden, NotFound, NonZeroExitCode, …</summary>
    public string? Reason { get; init; }

    public ApiStatusDetails? Details { get; init; }
}
