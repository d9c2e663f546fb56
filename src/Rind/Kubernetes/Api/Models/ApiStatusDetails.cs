namespace Rind.Kubernetes.Api.Models;

/// <summary>The details of an <see cref="ApiStatus"/>: for an exec that failed, its causes.</summary>
internal sealed record ApiStatusDetails
{
    public IReadOnlyList<ApiStatusCause>? Causes { get; init; }
}
