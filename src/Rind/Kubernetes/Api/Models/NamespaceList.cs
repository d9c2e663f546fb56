namespace Rind.Kubernetes.Api.Models;

/// <summary>The response to <c>GET /api/v1/namespaces</c>, with only what rind reads: the names.</summary>
internal sealed record NamespaceList
{
    public IReadOnlyList<NamespaceItem> Items { get; init; } = [];
}
