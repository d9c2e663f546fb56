namespace Rind.Kubernetes.Api.Models;

/// <summary>A namespace's metadata: its name is all rind reads.</summary>
internal sealed record NamespaceMetadata
{
    public string Name { get; init; } = "";
}
