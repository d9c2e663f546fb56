using Rind.IntegrationTests.Infrastructure;
using Rind.IntegrationTests.Infrastructure.Kubernetes;

namespace Rind.IntegrationTests;

/// <summary>
/// Tab with --kube: the labelled pods after -c, the namespaces after -n, the kubeconfig's contexts,
/// and the command's words from inside the pod's container, through the fake cluster's exec.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class KubeCompletionTests : IAsyncLifetime
{
    private static readonly IReadOnlyDictionary<string, string?> Patient = new Dictionary<string, string?> { ["RIND_COMPLETION_TIMEOUT"] = "30" };

    private readonly KubeTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact(Timeout = 120_000)]
    public async Task The_running_labelled_pods_complete_after_the_container_option()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync();
        await cluster.RunPodAsync("db-0", labels: PodLabels.Other);

        var result = await CompleteAsync("--kube", "-c", "");

        Assert.Equal(["web-7d9f\tpod in default"], result);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_namespaces_complete_after_the_namespace_option_from_one_list_request()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync();
        cluster.AddNamespace("shop");

        var result = await CompleteAsync("--kube", "-n", "");

        Assert.Equal(["default", "kube-public", "kube-system", "shop"], result);
        Assert.Single(cluster.Requests, request => request.PathAndQuery == "/api/v1/namespaces");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_user_who_may_not_list_namespaces_gets_nothing_and_no_message()
    {
        await _bed.StartClusterWithPodAsync(options: KubeTestTransport.Options() with { Forbidden = new HashSet<string> { "list namespaces" } });

        var result = await CompleteAsync("--kube", "--namespace=");

        Assert.Empty(result);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_kubeconfig_contexts_complete_without_asking_the_cluster()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync(kubeconfig: new FakeKubeconfigOptions { ContextName = "staging" });

        var result = await CompleteAsync("--kube", "--kube-context", "st");

        Assert.Equal(["staging"], result);
        Assert.Empty(cluster.Requests);
    }

    [Fact(Timeout = 120_000)]
    public async Task Files_complete_from_inside_the_pods_container_with_one_exec()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync();

        var result = await CompleteAsync("--kube", "cat", "/etc/pass");

        Assert.Equal(["/etc/passwd"], result);
        var exec = Assert.Single(cluster.Execs);
        Assert.Equal(("default", "web-7d9f"), (exec.Namespace, exec.Pod));
    }

    private async Task<IReadOnlyList<string>> CompleteAsync(params string[] words)
    {
        var result = await _bed.Home.RunWithoutOptionAsync(["--complete", .. words], extra: Patient);
        Assert.Equal(("", 0), (result.Stderr, result.ExitCode));
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
