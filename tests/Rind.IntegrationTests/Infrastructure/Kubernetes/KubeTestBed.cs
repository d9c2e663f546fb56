namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// What a test of rind's Kubernetes mode stands on: fake clusters, and a home folder with their
/// kubeconfigs. Disposing it removes the clusters with their pods' containers, then the home.
/// </summary>
public sealed class KubeTestBed : IAsyncDisposable
{
    private readonly List<FakeCluster> _clusters = [];

    public KubeconfigHome Home { get; } = new();

    /// <param name="options">How the cluster behaves; by default, as <see cref="KubeTestTransport"/> says for this run.</param>
    public async Task<FakeCluster> StartClusterAsync(FakeClusterOptions? options = null)
    {
        var cluster = await FakeCluster.StartAsync(options ?? KubeTestTransport.Options());
        _clusters.Add(cluster);
        return cluster;
    }

    /// <summary>A cluster with one running, ready pod labelled app.rind, and the home's ~/.kube/config for it (KUBECONFIG names it).</summary>
    public async Task<(FakeCluster Cluster, FakePod Pod)> StartClusterWithPodAsync(
        string image = TestImages.Busybox,
        IReadOnlyDictionary<string, string>? annotations = null,
        FakeClusterOptions? options = null,
        FakeKubeconfigOptions? kubeconfig = null)
    {
        var cluster = await StartClusterAsync(options);
        var pod = await cluster.RunPodAsync("web-7d9f", image, PodLabels.Rind, annotations);
        Home.Write(cluster, kubeconfig);
        return (cluster, pod);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cluster in _clusters)
        {
            await cluster.DisposeAsync();
        }

        Home.Dispose();
    }
}
