using System.Security.Cryptography;
using Rind.IntegrationTests.Infrastructure;
using Rind.IntegrationTests.Infrastructure.Kubernetes;

namespace Rind.IntegrationTests;

/// <summary>
/// The fake's SPDY/3.1 exec and its transport modes, proven with the real kubectl: in OpenShift's
/// mode (every WebSocket upgrade refused) kubectl falls back to SPDY and everything it does works
/// there; a gateway that refuses SPDY and an old cluster leave kubectl its WebSocket.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class FakeClusterSpdyKubectlTests : IAsyncLifetime
{
    private const string Kubectl = "kubectl";
    private const string Pod = "web-7d9f";
    private static readonly TimeSpan KubectlTimeout = TimeSpan.FromSeconds(60);
    private static readonly FakeClusterOptions OpenShift = new() { WebSocketRefused = true };

    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("rind-it-kube-");
    private FakeCluster _cluster = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _home.Delete(recursive: true);
    }

    [Fact(Timeout = 120_000)]
    public async Task Refused_its_websocket_kubectl_falls_back_to_spdy_agrees_v4_and_ends_stdin_with_the_stdin_streams_fin()
    {
        await StartClusterAsync(OpenShift);

        var result = await KubectlAsync(["exec", "-i", Pod, "--", "cat"], "x\n"u8.ToArray());

        Assert.Equal((0, "x\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
        Assert.Collection(
            _cluster.ExecRequests,
            websocket =>
            {
                Assert.Equal(("GET", "websocket", null), (websocket.Method, websocket.Upgrade, websocket.AgreedProtocol));
                Assert.StartsWith("403 ", websocket.Refusal, StringComparison.Ordinal);
                Assert.Null(websocket.ExitCode);
            },
            spdy =>
            {
                Assert.Equal(("POST", "SPDY/3.1"), (spdy.Method, spdy.Upgrade));
                // kubectl offers v5 over SPDY too; the kubelet's SPDY knows v4 at most.
                Assert.Equal(["v5.channel.k8s.io", "v4.channel.k8s.io", "v3.channel.k8s.io", "v2.channel.k8s.io", "channel.k8s.io"], spdy.OfferedProtocols);
                Assert.Equal("v4.channel.k8s.io", spdy.AgreedProtocol);
                Assert.True(spdy.StdinEnded);
                Assert.Equal(0, spdy.ExitCode);
                Assert.Null(spdy.Refusal);
            });
    }

    [Fact(Timeout = 120_000)]
    public async Task Over_spdy_kubectl_passes_arguments_with_spaces_and_quotes_unchanged()
    {
        await StartClusterAsync(OpenShift);
        string[] arguments = ["two words", "it's", "\"quoted\"", "$HOME", "", "back\\slash", "new\nline"];

        var result = await KubectlAsync(["exec", Pod, "--", "sh", "-c", "for a; do printf '<%s>' \"$a\"; done", "sh", .. arguments]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Concat(arguments.Select(argument => $"<{argument}>")), result.Stdout);
        Assert.Equal(["sh", "-c", "for a; do printf '<%s>' \"$a\"; done", "sh", .. arguments], _cluster.ExecRequests[^1].Command);
    }

    [Fact(Timeout = 120_000)]
    public async Task Over_spdy_kubectl_gives_the_commands_exit_code_and_keeps_stderr_apart_from_stdout()
    {
        await StartClusterAsync(OpenShift);

        var exit = await KubectlAsync(["exec", Pod, "--", "sh", "-c", "exit 3"]);
        var streams = await KubectlAsync(["exec", Pod, "--", "sh", "-c", "echo out; echo err >&2; echo more"]);

        Assert.Equal((3, "", "command terminated with exit code 3\n"), (exit.ExitCode, exit.Stdout, exit.Stderr));
        Assert.Equal((0, "out\nmore\n", "err\n"), (streams.ExitCode, streams.Stdout, streams.Stderr));
        Assert.All(_cluster.ExecRequests.Where(exec => exec.Upgrade == "SPDY/3.1"), exec => Assert.Equal("v4.channel.k8s.io", exec.AgreedProtocol));
    }

    [Fact(Timeout = 120_000)]
    public async Task Over_spdy_a_command_that_cannot_start_gives_kubectl_the_kubelets_internal_error()
    {
        await StartClusterAsync(OpenShift);

        var result = await KubectlAsync(["exec", Pod, "--", "no-such-command"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: Internal error occurred: error executing command in container: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal error occurred: Internal error occurred", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("OCI runtime exec failed", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("no-such-command", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact(Timeout = 180_000)]
    public async Task Over_spdy_five_megabytes_of_binary_input_come_back_through_cat_unchanged()
    {
        await StartClusterAsync(OpenShift);
        var input = new byte[5 * 1024 * 1024];
        new Random(42).NextBytes(input);

        var result = await KubectlAsync(["exec", "-i", Pod, "--", "cat"], input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(input.Length, result.StdoutBytes.Length);
        Assert.Equal(SHA256.HashData(input), SHA256.HashData(result.StdoutBytes));
        Assert.Equal("v4.channel.k8s.io", _cluster.ExecRequests[^1].AgreedProtocol);
    }

    [Fact(Timeout = 120_000)]
    public async Task Over_spdy_a_terminal_session_under_tmux_has_the_terminals_size_and_follows_a_resize()
    {
        await StartClusterAsync(OpenShift);
        var kubeconfig = WriteKubeconfig();
        await using var terminal = await TmuxTerminal.StartAsync($"env KUBECONFIG={kubeconfig} HOME={_home.FullName} {Kubectl} exec -it {Pod} -- sh", columns: 91, rows: 27);
        await terminal.WaitForScreenAsync("#");

        await terminal.TypeLineAsync("stty size");
        await terminal.WaitForScreenAsync("27 91");
        await terminal.ResizeAsync(100, 30);
        await WaitForAsync(() => _cluster.ExecRequests[^1].Resizes.Contains((100, 30)));
        await terminal.TypeLineAsync("stty size; exit 5");
        var screen = await terminal.WaitForScreenAsync("30 100");
        var exitCode = await terminal.WaitForExitCodeAsync();

        Assert.Contains("27 91", screen, StringComparison.Ordinal);
        Assert.Equal(5, exitCode);
        var exec = _cluster.ExecRequests[^1];
        Assert.Equal(("SPDY/3.1", "v4.channel.k8s.io", true), (exec.Upgrade, exec.AgreedProtocol, exec.Tty));
        Assert.Equal((91, 27), exec.Resizes[0]);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_gateway_that_refuses_spdy_leaves_kubectl_its_websocket_which_needs_no_fallback()
    {
        await StartClusterAsync(new FakeClusterOptions { SpdyRefused = true });

        var result = await KubectlAsync(["exec", "-i", Pod, "--", "cat"], "x\n"u8.ToArray());

        Assert.Equal((0, "x\n"), (result.ExitCode, result.Stdout));
        var exec = Assert.Single(_cluster.ExecRequests);
        Assert.Equal(("websocket", "v5.channel.k8s.io"), (exec.Upgrade, exec.AgreedProtocol));
    }

    [Fact(Timeout = 120_000)]
    public async Task An_old_cluster_refuses_kubectls_v5_upgrade_and_kubectl_falls_back_to_spdy_where_piped_stdin_works()
    {
        await StartClusterAsync(new FakeClusterOptions { V4Only = true });

        var result = await KubectlAsync(["exec", "-i", Pod, "--", "cat"], "x\n"u8.ToArray());

        Assert.Equal((0, "x\n"), (result.ExitCode, result.Stdout));
        Assert.Collection(
            _cluster.ExecRequests,
            websocket =>
            {
                Assert.Equal(["v5.channel.k8s.io"], websocket.OfferedProtocols);
                Assert.Equal("403 no subprotocol in common", websocket.Refusal);
            },
            spdy => Assert.Equal(("SPDY/3.1", "v4.channel.k8s.io", true), (spdy.Upgrade, spdy.AgreedProtocol, spdy.StdinEnded)));
    }

    [Fact(Timeout = 120_000)]
    public async Task Kubectl_keeps_no_windows_either_so_a_fake_that_keeps_them_stalls_its_output_at_64_KiB()
    {
        await StartClusterAsync(OpenShift with { SpdyKeepsWindows = true });

        var small = await KubectlAsync(["exec", Pod, "--", "head", "-c", "60000", "/dev/zero"]);
        var stalled = await Assert.ThrowsAsync<TimeoutException>(() => KubectlAsync(["exec", Pod, "--", "head", "-c", "200000", "/dev/zero"], timeout: TimeSpan.FromSeconds(8)));

        Assert.Equal((0, 60000), (small.ExitCode, small.StdoutBytes.Length));
        Assert.Contains("did not end", stalled.Message, StringComparison.Ordinal);
        Assert.Null(_cluster.ExecRequests[^1].ExitCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_fake_gone_silent_leaves_kubectl_waiting_over_either_transport()
    {
        await StartClusterAsync(new FakeClusterOptions { ExecGoesSilent = true });
        var overWebSocket = KubectlAsync(["exec", Pod, "--", "echo", "hi"], timeout: TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<TimeoutException>(() => overWebSocket);
        await _cluster.DisposeAsync();
        await StartClusterAsync(OpenShift with { ExecGoesSilent = true });

        var overSpdy = KubectlAsync(["exec", Pod, "--", "echo", "hi"], timeout: TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<TimeoutException>(() => overSpdy);
        Assert.Equal(("SPDY/3.1", "v4.channel.k8s.io"), (_cluster.ExecRequests[^1].Upgrade, _cluster.ExecRequests[^1].AgreedProtocol));
    }

    [Fact(Timeout = 120_000)]
    public async Task Through_a_proxy_that_drops_idle_connections_a_busy_spdy_exec_passes_and_a_quiet_one_is_cut_which_kubectl_takes_for_success()
    {
        await StartClusterAsync(OpenShift);
        await using var proxy = LoopbackTcpForwarder.DroppingIdle(_cluster.Server.Port, TimeSpan.FromSeconds(2));
        var throughProxy = new FakeKubeconfigOptions { Server = new Uri($"https://127.0.0.1:{proxy.Port}") };

        var busy = await KubectlAsync(["exec", Pod, "--", "sh", "-c", "for i in 1 2 3 4; do echo $i; sleep 1; done"], kubeconfig: throughProxy);
        var quiet = await KubectlAsync(["exec", Pod, "--", "sh", "-c", "sleep 4; echo late"], kubeconfig: throughProxy);

        Assert.Equal((0, "1\n2\n3\n4\n"), (busy.ExitCode, busy.Stdout));
        // kubectl takes the cut connection for the command's end: no output, no message, exit code 0.
        Assert.Equal((0, "", ""), (quiet.ExitCode, quiet.Stdout, quiet.Stderr));
        Assert.Null(_cluster.ExecRequests[^1].ExitCode);
        Assert.True(proxy.Dropped >= 1);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(50);
        }
    }

    private async Task StartClusterAsync(FakeClusterOptions options)
    {
        _cluster = await FakeCluster.StartAsync(options);
        await _cluster.RunPodAsync(Pod);
    }

    private string WriteKubeconfig(FakeKubeconfigOptions? options = null)
    {
        var path = Path.Combine(_home.FullName, "config");
        _cluster.WriteKubeconfig(path, options);
        return path;
    }

    private async Task<ProcessResult> KubectlAsync(IEnumerable<string> arguments, byte[]? stdin = null, TimeSpan? timeout = null, FakeKubeconfigOptions? kubeconfig = null) =>
        await ProcessRunner.RunAsync(
            Kubectl,
            arguments,
            stdin,
            new Dictionary<string, string?> { ["KUBECONFIG"] = WriteKubeconfig(kubeconfig), ["HOME"] = _home.FullName },
            timeout ?? KubectlTimeout);
}
