namespace Rind.Kubernetes.Api.Models;

/// <summary>One namespace of a <see cref="NamespaceList"/>.</summary>
internal sealed record NamespaceItem
{
    public NamespaceMetadata Metadata { get; init; } = new();
}
