using Rind.IntegrationTests.Infrastructure;
using Rind.IntegrationTests.Infrastructure.Kubernetes;

namespace Rind.IntegrationTests;

/// <summary>
/// Kubernetes mode and its choices: how it is turned on, which kubeconfig, context and namespace, and
/// which pod and container of the fake cluster the command runs in. A pod's container is known by its
/// hostname, which the engine sets to the start of the container's id.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class KubeSelectionTests : IAsyncLifetime
{
    private readonly KubeTestBed _bed = new();

    private KubeconfigHome Home => _bed.Home;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact(Timeout = 120_000)]
    public async Task The_kube_option_runs_the_command_in_the_labelled_pod_found_by_one_list_request_filtered_by_the_label()
    {
        var cluster = await _bed.StartClusterAsync();
        var pod = await cluster.RunPodAsync("web-7d9f", labels: PodLabels.Rind);
        await cluster.RunPodAsync("db-0", labels: PodLabels.Other);
        Home.Write(cluster);

        var result = await Home.RunAsync(["hostname"]);

        Assert.Equal((0, HostnameOf(pod) + "\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
        var list = Assert.Single(cluster.Requests, request => request.PathAndQuery.Contains("/pods?", StringComparison.Ordinal));
        Assert.Equal("/api/v1/namespaces/default/pods?labelSelector=app.rind", list.PathAndQuery);
        var exec = Assert.Single(cluster.Execs);
        Assert.Equal(("default", "web-7d9f", "app"), (exec.Namespace, exec.Pod, exec.Container));
    }

    [Theory(Timeout = 120_000)]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("yes")]
    public async Task RIND_KUBE_turns_Kubernetes_mode_on_as_the_option_does(string value)
    {
        var cluster = await _bed.StartClusterAsync();
        var pod = await cluster.RunPodAsync("web-7d9f", labels: PodLabels.Rind);
        Home.Write(cluster);

        var result = await Home.RunWithoutOptionAsync(["hostname"], extra: new Dictionary<string, string?> { ["RIND_KUBE"] = value });

        Assert.Equal((0, HostnameOf(pod) + "\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_RIND_KUBE_that_is_neither_on_nor_off_is_refused_in_one_line()
    {
        var result = await Home.RunWithoutOptionAsync(["true"], extra: new Dictionary<string, string?> { ["RIND_KUBE"] = "maybe" });

        Assert.Equal(125, result.ExitCode);
        Assert.Equal("rind: RIND_KUBE=maybe is neither on (1, true or yes) nor off (0, false, no or empty)\n", result.Stderr);
    }

    [Theory(Timeout = 120_000)]
    [InlineData(null)]
    [InlineData("0")]
    public async Task Without_Kubernetes_mode_rind_asks_nothing_of_the_cluster_in_the_kubeconfig(string? value)
    {
        var cluster = await _bed.StartClusterAsync();
        await cluster.RunPodAsync("web-7d9f", labels: PodLabels.Rind);
        Home.Write(cluster);

        // The engine holds no labelled container: rind looks there, and only there.
        var result = await Home.RunWithoutOptionAsync(["true"], extra: new Dictionary<string, string?> { ["RIND_KUBE"] = value });

        Assert.Equal(125, result.ExitCode);
        Assert.Contains("container", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(cluster.Requests);
    }

    [Fact(Timeout = 120_000)]
    public async Task Without_KUBECONFIG_the_kubeconfig_in_the_home_folder_is_used()
    {
        var cluster = await _bed.StartClusterAsync();
        var pod = await cluster.RunPodAsync("web-7d9f", labels: PodLabels.Rind);
        Home.Write(cluster);
        Home.Kubeconfig = null;

        var result = await Home.RunAsync(["hostname"]);

        Assert.Equal((0, HostnameOf(pod) + "\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact(Timeout = 120_000)]
    public async Task Several_KUBECONFIG_files_are_merged_with_the_first_ones_current_context_and_kube_context_picks_another()
    {
        var first = await _bed.StartClusterAsync();
        var firstPod = await first.RunPodAsync("web-7d9f", labels: PodLabels.Rind);
        var second = await _bed.StartClusterAsync();
        var secondPod = await second.RunPodAsync("web-3c1e", labels: PodLabels.Rind);
        var firstConfig = Home.Write(first, new FakeKubeconfigOptions { ContextName = "first" }, "first.yaml");
        var secondConfig = Home.Write(second, new FakeKubeconfigOptions { ContextName = "second" }, "second.yaml");
        Home.Kubeconfig = $"{firstConfig.Path}:{secondConfig.Path}";

        var byCurrent = await Home.RunAsync(["hostname"]);
        var byOption = await Home.RunAsync(["--kube-context", "second", "hostname"]);

        Assert.Equal((0, HostnameOf(firstPod) + "\n", ""), (byCurrent.ExitCode, byCurrent.Stdout, byCurrent.Stderr));
        Assert.Equal((0, HostnameOf(secondPod) + "\n", ""), (byOption.ExitCode, byOption.Stdout, byOption.Stderr));
        Assert.Single(first.Execs);
        Assert.Single(second.Execs);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_context_that_is_not_in_the_kubeconfig_is_refused_in_one_line()
    {
        var cluster = await _bed.StartClusterAsync();
        Home.Write(cluster);

        var result = await Home.RunAsync(["--kube-context", "elsewhere", "true"]);

        Assert.Equal(125, result.ExitCode);
        RindStderr.AssertOneLine(result.Stderr);
        Assert.Contains("\"elsewhere\"", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(cluster.Requests);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_namespace_is_the_contexts_unless_n_or_namespace_names_another()
    {
        var cluster = await _bed.StartClusterAsync();
        var teamPod = await cluster.RunPodAsync("web-7d9f", labels: PodLabels.Rind, @namespace: "team");
        var defaultPod = await cluster.RunPodAsync("web-3c1e", labels: PodLabels.Rind);
        var otherPod = await cluster.RunPodAsync("web-0a2b", labels: PodLabels.Rind, @namespace: "other");
        Home.Write(cluster, new FakeKubeconfigOptions { Namespace = "team" });

        var byContext = await Home.RunAsync(["hostname"]);
        var byShortOption = await Home.RunAsync(["-n", "default", "hostname"]);
        var byLongOption = await Home.RunAsync(["--namespace", "other", "hostname"]);

        Assert.Equal((0, HostnameOf(teamPod) + "\n"), (byContext.ExitCode, byContext.Stdout));
        Assert.Equal((0, HostnameOf(defaultPod) + "\n"), (byShortOption.ExitCode, byShortOption.Stdout));
        Assert.Equal((0, HostnameOf(otherPod) + "\n"), (byLongOption.ExitCode, byLongOption.Stdout));
        Assert.Equal(["team", "default", "other"], cluster.Execs.Select(exec => exec.Namespace));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_context_without_a_namespace_means_the_default_namespace()
    {
        var cluster = await _bed.StartClusterAsync();
        var pod = await cluster.RunPodAsync("web-7d9f", labels: PodLabels.Rind);
        await cluster.RunPodAsync("web-3c1e", labels: PodLabels.Rind, @namespace: "team");
        Home.Write(cluster);

        var result = await Home.RunAsync(["hostname"]);

        Assert.Equal((0, HostnameOf(pod) + "\n"), (result.ExitCode, result.Stdout));
        Assert.Equal("default", Assert.Single(cluster.Execs).Namespace);
    }

    [Fact(Timeout = 120_000)]
    public async Task Kubernetes_options_without_Kubernetes_mode_are_refused_in_one_line()
    {
        var result = await Home.RunWithoutOptionAsync(["-n", "team", "true"]);

        Assert.Equal(125, result.ExitCode);
        Assert.Equal("rind: -n/--namespace applies to Kubernetes mode only: add --kube, or set RIND_KUBE=1 (see 'rind --help')\n", result.Stderr);
    }

    [Fact(Timeout = 120_000)]
    public async Task No_labelled_pod_is_one_line_naming_the_context_and_the_namespace()
    {
        var cluster = await _bed.StartClusterAsync();
        await cluster.RunPodAsync("db-0", labels: PodLabels.Other);
        Home.Write(cluster, new FakeKubeconfigOptions { ContextName = "dev-cluster", Namespace = "default" });

        var result = await Home.RunAsync(["true"]);

        Assert.Equal((125, ""), (result.ExitCode, result.Stdout));
        RindStderr.AssertOneLine(result.Stderr);
        Assert.StartsWith("rind: no running pod carries the label app.rind in namespace default (context dev-cluster)", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(cluster.ExecRequests);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("Pending", false, false, "web-7d9f (Pending)")]
    [InlineData("Running", false, false, "web-7d9f (Running, not ready)")]
    [InlineData("Running", true, true, "web-7d9f (Running, being deleted)")]
    [InlineData("Succeeded", false, false, "web-7d9f (Succeeded)")]
    public async Task A_labelled_pod_that_is_not_running_is_named_with_its_state_in_one_line(string phase, bool ready, bool deleting, string named)
    {
        var cluster = await _bed.StartClusterAsync();
        var pod = await cluster.RunPodAsync("web-7d9f", labels: PodLabels.Rind);
        cluster.AddPod(pod with { Phase = phase, Ready = ready, DeletionTimestamp = deleting ? DateTimeOffset.UtcNow : null });
        Home.Write(cluster);

        var result = await Home.RunAsync(["true"]);

        Assert.Equal((125, ""), (result.ExitCode, result.Stdout));
        Assert.Equal("rind: no running pod carries the label app.rind in namespace default (context fake); those that do: " + named + "\n", result.Stderr);
        Assert.Empty(cluster.ExecRequests);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_pod_being_deleted_is_passed_over_for_its_running_replacement()
    {
        var cluster = await _bed.StartClusterAsync();
        var leaving = await cluster.RunPodAsync("web-7d9f5-abcde", labels: PodLabels.Rind);
        cluster.AddPod(leaving with { DeletionTimestamp = DateTimeOffset.UtcNow });
        var replacement = await cluster.RunPodAsync("web-7d9f5-fghij", labels: PodLabels.Rind);
        Home.Write(cluster);

        var result = await Home.RunAsync(["hostname"]);

        Assert.Equal((0, HostnameOf(replacement) + "\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact(Timeout = 120_000)]
    public async Task Several_running_pods_are_listed_each_with_the_option_that_picks_it()
    {
        var cluster = await _bed.StartClusterAsync();
        await cluster.RunPodAsync("web-7d9f5-abcde", labels: PodLabels.Rind);
        await cluster.RunPodAsync("web-7d9f5-fghij", labels: PodLabels.Rind);
        await cluster.RunPodAsync("worker-5c2a9-xyz12", labels: PodLabels.Rind);
        Home.Write(cluster);

        var result = await Home.RunAsync(["true"]);

        Assert.Equal((125, ""), (result.ExitCode, result.Stdout));
        Assert.Equal(
            "rind: 3 running pods carry the label app.rind in namespace default; choose one:\n" +
            "  web-7d9f5-abcde: rind --kube -c web-7d9f5-abcde\n" +
            "  web-7d9f5-fghij: rind --kube -c web-7d9f5-fghij\n" +
            "  worker-5c2a9-xyz12: rind --kube -c worker\n",
            result.Stderr);
        Assert.Empty(cluster.ExecRequests);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("web-7d9f5-abcde", 0)]
    [InlineData("web-7d9f5-fghij", 1)]
    [InlineData("worker", 2)]
    [InlineData("worker-5c2a9", 2)]
    public async Task C_picks_a_pod_by_its_name_or_the_start_of_it(string picked, int index)
    {
        var cluster = await _bed.StartClusterAsync();
        FakePod[] pods =
        [
            await cluster.RunPodAsync("web-7d9f5-abcde", labels: PodLabels.Rind),
            await cluster.RunPodAsync("web-7d9f5-fghij", labels: PodLabels.Rind),
            await cluster.RunPodAsync("worker-5c2a9-xyz12", labels: PodLabels.Rind),
        ];
        Home.Write(cluster);

        var result = await Home.RunAsync(["-c", picked, "hostname"]);

        Assert.Equal((0, HostnameOf(pods[index]) + "\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
        Assert.Equal(pods[index].Name, Assert.Single(cluster.Execs).Pod);
    }

    [Fact(Timeout = 120_000)]
    public async Task C_with_a_name_no_labelled_pod_has_is_refused_in_one_line_naming_those_that_do()
    {
        var cluster = await _bed.StartClusterAsync();
        await cluster.RunPodAsync("web-7d9f", labels: PodLabels.Rind);
        await cluster.RunPodAsync("db-0", labels: PodLabels.Other);
        Home.Write(cluster);

        var result = await Home.RunAsync(["-c", "db", "true"]);

        Assert.Equal((125, ""), (result.ExitCode, result.Stdout));
        Assert.Equal(
            "rind: no pod carrying the label app.rind in namespace default (context fake) is named db or has a name starting with it (those that do: web-7d9f)\n",
            result.Stderr);
        Assert.Empty(cluster.ExecRequests);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_default_container_annotation_chooses_the_container_else_the_first_one_is_used()
    {
        var cluster = await _bed.StartClusterAsync();
        var annotated = await cluster.RunPodAsync(
            "web-7d9f",
            labels: PodLabels.Rind,
            annotations: new Dictionary<string, string> { ["kubectl.kubernetes.io/default-container"] = "app" },
            containerNames: ["proxy", "app"]);
        var plain = await cluster.RunPodAsync("worker-5c2a", labels: PodLabels.Rind, containerNames: ["main", "logger"]);
        Home.Write(cluster);

        var inAnnotated = await Home.RunAsync(["-c", "web", "hostname"]);
        var inPlain = await Home.RunAsync(["-c", "worker", "hostname"]);

        Assert.Equal((0, annotated.Containers[1].Hostname + "\n"), (inAnnotated.ExitCode, inAnnotated.Stdout));
        Assert.Equal((0, plain.Containers[0].Hostname + "\n"), (inPlain.ExitCode, inPlain.Stdout));
        Assert.Equal(["app", "main"], cluster.Execs.Select(exec => exec.Container));
    }

    private static string HostnameOf(FakePod pod) => pod.Containers[0].Hostname;
}
