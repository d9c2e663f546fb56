namespace Rind.Kubernetes.Api.Models;

/// <summary>A pod's metadata: its name, labels and annotations, and whether it is being deleted.</summary>
internal sealed record PodMetadata
{
    public string Name { get; init; } = "";

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>Kept as text: only its presence matters.</summary>
    public string? DeletionTimestamp { get; init; }
}
