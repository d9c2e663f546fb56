using System.Diagnostics;
using System.Security.Cryptography;
using Rind.IntegrationTests.Infrastructure;
using Rind.IntegrationTests.Infrastructure.Kubernetes;

namespace Rind.IntegrationTests;

/// <summary>
/// The exec's connection over time: kept alive by pings through what drops idle connections, given up in
/// one line when the server stops answering, the server's SPDY pings answered and its windows honoured.
/// RIND_TIMEOUT sets the pace: pings at a quarter of twice its value, silence given up after twice it.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class KubeConnectionTests : IAsyncLifetime
{
    private readonly KubeTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact(Timeout = 120_000)]
    public async Task A_quiet_command_outlives_a_proxy_that_drops_connections_idle_for_a_few_seconds()
    {
        var cluster = await _bed.StartClusterAsync();
        await cluster.RunPodAsync("web-7d9f", labels: PodLabels.Rind);
        await using var proxy = LoopbackTcpForwarder.DroppingIdle(cluster.Server.Port, TimeSpan.FromSeconds(3));
        _bed.Home.Write(cluster, new FakeKubeconfigOptions { Server = new Uri($"https://127.0.0.1:{proxy.Port}") });

        var result = await _bed.Home.RunAsync(
            ["sh", "-c", "sleep 8; echo done"], extra: new Dictionary<string, string?> { ["RIND_TIMEOUT"] = "4" }, timeout: TimeSpan.FromSeconds(60));

        Assert.Equal((0, "done\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
        Assert.True(cluster.Execs[^1].ClientPings >= 2, $"{cluster.Execs[^1].ClientPings} pings");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_server_that_stops_answering_ends_rind_in_one_line_with_125_instead_of_a_hang()
    {
        await _bed.StartClusterWithPodAsync(options: KubeTestTransport.Options() with { ExecGoesSilent = true });
        var clock = Stopwatch.StartNew();

        var result = await _bed.Home.RunAsync(
            ["sleep", "60"], extra: new Dictionary<string, string?> { ["RIND_TIMEOUT"] = "2" }, timeout: TimeSpan.FromSeconds(60));

        Assert.Equal((125, ""), (result.ExitCode, result.Stdout));
        RindStderr.AssertOneLine(result.Stderr);
        Assert.Contains("not even the answer to a ping, for 4 s", result.Stderr, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30));
    }

    [Fact(Timeout = 120_000)]
    public async Task With_RIND_TIMEOUT_0_nothing_is_bounded_and_the_exec_runs_as_ever()
    {
        await _bed.StartClusterWithPodAsync();

        var result = await _bed.Home.RunAsync(["sh", "-c", "sleep 1; echo ok"], extra: new Dictionary<string, string?> { ["RIND_TIMEOUT"] = "0" });

        Assert.Equal((0, "ok\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact(Timeout = 120_000)]
    public async Task The_servers_spdy_pings_are_answered()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync(
            options: new FakeClusterOptions { WebSocketRefused = true, SpdyPingInterval = TimeSpan.FromMilliseconds(200) });

        var result = await _bed.Home.RunAsync(["sleep", "2"]);

        Assert.Equal(0, result.ExitCode);
        Assert.True(cluster.Execs[^1].ServerPingsAnswered >= 3, $"{cluster.Execs[^1].ServerPingsAnswered} answered");
    }

    [Fact(Timeout = 120_000)]
    public async Task Output_larger_than_spdys_initial_window_does_not_stall_where_the_server_keeps_windows()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync(options: new FakeClusterOptions { WebSocketRefused = true, SpdyKeepsWindows = true });
        var input = new byte[5 * 1024 * 1024];
        new Random(16).NextBytes(input);

        var result = await _bed.Home.RunAsync(["cat"], stdin: input, timeout: TimeSpan.FromSeconds(90));

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.Equal(SHA256.HashData(input), SHA256.HashData(result.StdoutBytes));
        Assert.Equal("SPDY/3.1", cluster.Execs[^1].Upgrade);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_container_without_env_is_named_in_one_line_and_the_command_is_not_blamed()
    {
        var (_, pod) = await _bed.StartClusterWithPodAsync();
        Assert.Equal(0, await pod.Containers[0].RunInEngineAsync("/bin/busybox", "rm", "-f", "/bin/env", "/usr/bin/env"));

        // No piped input: env comes first in the exec's argv (with it, busybox's sh would run its own env).
        var stderr = Path.Combine(_bed.Home.Path, "stderr");
        var result = await _bed.Home.RunInShellAsync($"\"$RIND\" --kube true < /dev/null 2> '{stderr}'; echo \"rind=$?\"");

        Assert.Equal("rind=125\n", result.Stdout);
        var line = await File.ReadAllTextAsync(stderr);
        RindStderr.AssertOneLine(line);
        Assert.Contains("of pod web-7d9f has no env (a distroless image?)", line, StringComparison.Ordinal);
        Assert.Contains("kubectl exec web-7d9f -c app -- COMMAND still runs one there", line, StringComparison.Ordinal);
    }
}
