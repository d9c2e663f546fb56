using System.Globalization;
using Rind.IntegrationTests.Infrastructure;
using Rind.IntegrationTests.Infrastructure.Kubernetes;

namespace Rind.IntegrationTests;

/// <summary>
/// Terminal sessions in a pod, in a real pseudo-terminal (tmux): the command gets a terminal of the
/// right size from its first byte, TERM, resizes, its exit code, and the local terminal's settings are
/// restored on every way out.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class KubeTerminalTests : IAsyncLifetime
{
    private readonly KubeTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact(Timeout = 120_000)]
    public async Task In_a_terminal_the_command_gets_a_terminal_and_the_terminals_settings_are_restored()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync();
        await using var terminal = await TmuxTerminal.StartAsync($"{_bed.Home.EnvPrefix()} \"$RIND\" --kube tty");

        Assert.Equal(0, await terminal.WaitForExitCodeAsync());
        await terminal.WaitForScreenAsync("/dev/pts/");
        var (before, after) = await terminal.TerminalSettingsAsync();
        Assert.Equal(before, after);
        Assert.True(Assert.Single(cluster.Execs).Tty);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_commands_exit_code_is_rinds_and_the_terminals_settings_are_restored()
    {
        await _bed.StartClusterWithPodAsync();
        await using var terminal = await TmuxTerminal.StartAsync($"{_bed.Home.EnvPrefix()} \"$RIND\" --kube sh -c 'echo ran; exit 3'");

        Assert.Equal(3, await terminal.WaitForExitCodeAsync());
        await terminal.WaitForScreenAsync("ran");
        var (before, after) = await terminal.TerminalSettingsAsync();
        Assert.Equal(before, after);
    }

    [Fact(Timeout = 120_000)]
    public async Task TERM_is_passed_into_the_pod()
    {
        await _bed.StartClusterWithPodAsync();
        await using var terminal = await TmuxTerminal.StartAsync($"{_bed.Home.EnvPrefix()} TERM=vt220 \"$RIND\" --kube sh -c 'echo \"term=$TERM\"'");

        Assert.Equal(0, await terminal.WaitForExitCodeAsync());
        await terminal.WaitForScreenAsync("term=vt220");
    }

    [Fact(Timeout = 120_000)]
    public async Task The_command_sees_the_terminals_size_from_its_start()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync();
        await using var terminal = await TmuxTerminal.StartAsync($"{_bed.Home.EnvPrefix()} \"$RIND\" --kube stty size", columns: 91, rows: 27);

        Assert.Equal(0, await terminal.WaitForExitCodeAsync());
        Assert.Equal("27 91", await terminal.ScreenAsync());
        Assert.Equal((91, 27), Assert.Single(cluster.Execs).Resizes[0]);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_command_sees_the_terminals_size_from_its_start_on_a_v4_only_cluster_too()
    {
        await _bed.StartClusterWithPodAsync(options: new FakeClusterOptions { V4Only = true });
        await using var terminal = await TmuxTerminal.StartAsync($"{_bed.Home.EnvPrefix()} \"$RIND\" --kube sh -c 'stty size; exit 4'", columns: 93, rows: 29);

        Assert.Equal(4, await terminal.WaitForExitCodeAsync());
        Assert.Equal("29 93", await terminal.ScreenAsync());
    }

    [Fact(Timeout = 120_000)]
    public async Task A_resized_terminal_resizes_the_pods_terminal_and_the_shells_exit_code_is_rinds()
    {
        await _bed.StartClusterWithPodAsync();
        await using var terminal = await TmuxTerminal.StartAsync($"{_bed.Home.EnvPrefix()} \"$RIND\" --kube", columns: 80, rows: 24);
        await terminal.WaitForScreenAsync("#");
        await terminal.TypeLineAsync("stty size");
        await terminal.WaitForScreenAsync("24 80");

        await terminal.ResizeAsync(columns: 120, rows: 40);
        await Task.Delay(300);
        await terminal.TypeLineAsync("stty size");
        await terminal.WaitForScreenAsync("40 120");
        await terminal.TypeLineAsync("exit 5");

        Assert.Equal(5, await terminal.WaitForExitCodeAsync());
        var (before, after) = await terminal.TerminalSettingsAsync();
        Assert.Equal(before, after);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_screen_shows_the_commands_output_to_its_last_byte_and_nothing_of_rinds()
    {
        await _bed.StartClusterWithPodAsync();
        await using var terminal = await TmuxTerminal.StartAsync($"{_bed.Home.EnvPrefix()} \"$RIND\" --kube sh -c 'echo first; printf \"last words\"'");

        Assert.Equal(0, await terminal.WaitForExitCodeAsync());
        Assert.Equal("first\nlast words", await terminal.ScreenAsync());
    }

    [Fact(Timeout = 120_000)]
    public async Task A_closed_terminal_ends_the_command_in_the_pod_and_restores_the_terminals_settings()
    {
        var (_, pod) = await _bed.StartClusterWithPodAsync();
        await using var terminal = await TmuxTerminal.StartAsync($"{_bed.Home.EnvPrefix()} \"$RIND\" --kube sh -c 'echo started; exec sleep 1236'");
        await terminal.WaitForScreenAsync("started");

        await ProcessRunner.RunAsync("kill", ["-HUP", (await terminal.RindPidAsync()).ToString(CultureInfo.InvariantCulture)]);

        Assert.Equal(129, await terminal.WaitForExitCodeAsync());
        Assert.DoesNotContain(await pod.Containers[0].ProcessesAsync(), process => process.Contains("sleep 1236", StringComparison.Ordinal));
        var (before, after) = await terminal.TerminalSettingsAsync();
        Assert.Equal(before, after);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_pre_step_runs_before_the_interactive_shell_of_a_terminal_session()
    {
        await _bed.StartClusterWithPodAsync(TestImages.Dash, new Dictionary<string, string> { ["app.rind"] = "source /venv/bin/activate" });
        await using var terminal = await TmuxTerminal.StartAsync($"{_bed.Home.EnvPrefix()} \"$RIND\" --kube");
        await terminal.WaitForScreenAsync("(venv)");

        await terminal.TypeLineAsync("echo \"env=$VIRTUAL_ENV\"; exit 6");

        Assert.Equal(6, await terminal.WaitForExitCodeAsync());
        await terminal.WaitForScreenAsync("env=/venv");
    }
}
