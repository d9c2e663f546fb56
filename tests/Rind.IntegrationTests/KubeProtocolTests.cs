using Rind.IntegrationTests.Infrastructure;
using Rind.IntegrationTests.Infrastructure.Kubernetes;

namespace Rind.IntegrationTests;

/// <summary>
/// The exec subresource's WebSocket protocols: v5.channel.k8s.io offered first, whose close message
/// ends stdin, and v4.channel.k8s.io, the only one of older clusters, which cannot end stdin: there a
/// command without piped input works, and one with piped input is refused before anything runs.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class KubeProtocolTests : IAsyncLifetime
{
    private static readonly FakeClusterOptions OldCluster = new() { V4Only = true };

    private readonly KubeTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact(Timeout = 120_000)]
    public async Task The_exec_is_a_websocket_upgrade_offering_v5_first_then_v4_and_v5_is_agreed()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync(options: new FakeClusterOptions());

        var result = await _bed.Home.RunAsync(["true"]);

        Assert.Equal(0, result.ExitCode);
        var exec = Assert.Single(cluster.Execs);
        Assert.Equal(("GET", "websocket"), (exec.Method, exec.Upgrade));
        Assert.Equal(["v5.channel.k8s.io", "v4.channel.k8s.io"], exec.OfferedProtocols);
        Assert.Equal("v5.channel.k8s.io", exec.AgreedProtocol);
        Assert.True(exec.Stdout && exec.Stderr && !exec.Tty);
    }

    [Fact(Timeout = 120_000)]
    public async Task With_stdin_on_dev_null_the_exec_asks_for_no_stdin()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync();

        var result = await _bed.Home.RunInShellAsync("\"$RIND\" --kube cat < /dev/null; echo \"rind=$?\"");

        Assert.Equal("rind=0\n", result.Stdout);
        Assert.False(Assert.Single(cluster.Execs).Stdin);
    }

    [Theory(Timeout = 120_000)]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(255)]
    public async Task On_a_v4_only_cluster_a_command_without_piped_input_runs_with_its_streams_and_exit_code(int exitCode)
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync(options: OldCluster);
        var stderr = Path.Combine(_bed.Home.Path, "stderr");

        var result = await _bed.Home.RunInShellAsync(
            $"\"$RIND\" --kube sh -c 'echo out; echo err >&2; exit {exitCode}' < /dev/null 2> '{stderr}'; echo \"rind=$?\"");

        Assert.Equal($"out\nrind={exitCode}\n", result.Stdout);
        Assert.Equal("err\n", await File.ReadAllTextAsync(stderr));
        Assert.Equal("v4.channel.k8s.io", cluster.Execs.Last().AgreedProtocol);
    }

    [Fact(Timeout = 120_000)]
    public async Task On_a_v4_only_cluster_a_command_reading_stdin_on_dev_null_ends()
    {
        await _bed.StartClusterWithPodAsync(options: OldCluster);

        var result = await _bed.Home.RunInShellAsync("\"$RIND\" --kube cat < /dev/null; echo \"rind=$?\"");

        Assert.Equal("rind=0\n", result.Stdout);
    }

    [Fact(Timeout = 120_000)]
    public async Task On_a_v4_only_cluster_a_command_that_is_not_found_exits_127_with_one_line()
    {
        await _bed.StartClusterWithPodAsync(options: OldCluster);
        var stderr = Path.Combine(_bed.Home.Path, "stderr");

        var result = await _bed.Home.RunInShellAsync($"\"$RIND\" --kube no-such-command < /dev/null 2> '{stderr}'; echo \"rind=$?\"");

        Assert.Equal("rind=127\n", result.Stdout);
        Assert.Equal("rind: no-such-command: command not found\n", await File.ReadAllTextAsync(stderr));
    }

    [Fact(Timeout = 120_000)]
    public async Task On_a_v4_only_cluster_piped_input_goes_over_spdy_whose_end_ends_the_command_and_the_websocket_exec_runs_nothing()
    {
        var (cluster, pod) = await _bed.StartClusterWithPodAsync(options: OldCluster);

        var result = await _bed.Home.RunInShellAsync("printf 'a\\nb' | \"$RIND\" --kube sh -c 'echo ran >> /tmp/ran; cat'", TimeSpan.FromSeconds(30));

        Assert.Equal((0, "a\nb", ""), (result.ExitCode, result.Stdout, result.Stderr));
        var upgraded = cluster.ExecRequests.Where(exec => exec.AgreedProtocol is not null).ToList();
        Assert.Equal(["v4.channel.k8s.io", "v4.channel.k8s.io"], upgraded.Select(exec => exec.AgreedProtocol));
        Assert.Equal(["websocket", "SPDY/3.1"], upgraded.Select(exec => exec.Upgrade));
        Assert.Equal(0, await pod.Containers[0].RunInEngineAsync("sh", "-c", "test \"$(cat /tmp/ran)\" = ran"));
    }

    [Fact(Timeout = 120_000)]
    public async Task Where_websocket_speaks_only_v4_and_spdy_is_refused_piped_input_is_refused_in_one_line_before_anything_runs()
    {
        var (_, pod) = await _bed.StartClusterWithPodAsync(options: OldCluster with { SpdyRefused = true });

        var result = await _bed.Home.RunInShellAsync("echo input | \"$RIND\" --kube sh -c 'touch /tmp/ran; cat'", TimeSpan.FromSeconds(30));

        Assert.Equal((125, ""), (result.ExitCode, result.Stdout));
        RindStderr.AssertOneLine(result.Stderr);
        Assert.Contains("speaks only the v4 exec protocol over WebSocket and refuses SPDY", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, await pod.Containers[0].RunInEngineAsync("test", "-e", "/tmp/ran"));
    }

    [Fact(Timeout = 120_000)]
    public async Task Where_websocket_is_refused_as_on_openshift_the_exec_runs_over_spdy_and_verbose_says_why()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync(options: new FakeClusterOptions { WebSocketRefused = true });

        var result = await _bed.Home.RunAsync(["--verbose", "sh", "-c", "echo out; echo err >&2; exit 7"]);

        Assert.Equal((7, "out\n"), (result.ExitCode, result.Stdout));
        Assert.Contains("err\n", result.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"over SPDY/3\.1 v4\.channel\.k8s\.io: the WebSocket upgrade was refused \(HTTP 403", result.Stderr);
        var exec = Assert.Single(cluster.Execs);
        Assert.Equal(("POST", "SPDY/3.1", "v4.channel.k8s.io"), (exec.Method, exec.Upgrade, exec.AgreedProtocol));
        Assert.Equal(["v4.channel.k8s.io", "v3.channel.k8s.io", "v2.channel.k8s.io", "channel.k8s.io"], exec.OfferedProtocols);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_cluster_that_refuses_both_transports_is_named_in_one_line_with_both_refusals()
    {
        await _bed.StartClusterWithPodAsync(options: new FakeClusterOptions { WebSocketRefused = true, SpdyRefused = true });

        var result = await _bed.Home.RunAsync(["true"]);

        Assert.Equal((125, ""), (result.ExitCode, result.Stdout));
        RindStderr.AssertOneLine(result.Stderr);
        Assert.Matches(@"refused the exec in pod \S+ over WebSocket \(HTTP 403: .+\) and over SPDY/3\.1 \(HTTP 400: .*Upgrade request required.*\)", result.Stderr);
    }
}
