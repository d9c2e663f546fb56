namespace Rind.Kubernetes.Api.Models;

/// <summary>The response to <c>GET /api/v1/namespaces/{namespace}/pods</c>, with only what rind reads.</summary>
internal sealed record PodList
{
    public IReadOnlyList<Pod> Items { get; init; } = [];
}
