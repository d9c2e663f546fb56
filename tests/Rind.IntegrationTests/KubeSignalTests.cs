using System.Globalization;
using Rind.IntegrationTests.Infrastructure;
using Rind.IntegrationTests.Infrastructure.Kubernetes;

namespace Rind.IntegrationTests;

/// <summary>
/// Signals to rind and a reader that goes away end the command in the pod and all it started (the pod's
/// container's process table is looked at through the engine), and rind exits with the command's code.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class KubeSignalTests : IAsyncLifetime
{
    private readonly KubeTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Theory(Timeout = 120_000)]
    [InlineData("INT", 130, null)]
    [InlineData("TERM", 143, null)]
    [InlineData("HUP", 129, null)]
    [InlineData("QUIT", 131, null)]
    [InlineData("INT", 130, "source /venv/bin/activate")]
    [InlineData("TERM", 143, "source /venv/bin/activate")]
    public async Task A_signal_to_rind_ends_the_command_in_the_pod_and_nothing_of_it_remains(string signal, int expected, string? preStep)
    {
        var annotations = preStep is null ? null : new Dictionary<string, string> { ["app.rind"] = preStep };
        var (_, pod) = await _bed.StartClusterWithPodAsync(TestImages.Dash, annotations);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // The command's own process, and a child of it, which ignores SIGINT as background jobs of a shell do.
        using var rind = _bed.Home.Start(["sh", "-c", "echo started; sleep 1234 & exec sleep 1235"]);
        var stderr = rind.StandardError.ReadToEndAsync(timeout.Token);
        Assert.Equal("started", await rind.StandardOutput.ReadLineAsync(timeout.Token));
        await WaitUntilRunningAsync(pod.Containers[0], "sleep 1235", timeout.Token);

        await ProcessRunner.RunAsync("kill", [$"-{signal}", rind.Id.ToString(CultureInfo.InvariantCulture)]);
        await rind.WaitForExitAsync(timeout.Token);

        Assert.Equal((expected, ""), (rind.ExitCode, await stderr));
        Assert.DoesNotContain(await pod.Containers[0].ProcessesAsync(), process => process.Contains("sleep 123", StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_reader_that_goes_away_ends_rind_quietly_and_leaves_nothing_running_in_the_pod()
    {
        var (_, pod) = await _bed.StartClusterWithPodAsync();

        var result = await _bed.Home.RunInShellAsync("\"$RIND\" --kube yes | head -2; echo \"rind=${PIPESTATUS[0]}\"");

        Assert.Equal(("y\ny\nrind=141\n", ""), (result.Stdout, result.Stderr));
        Assert.DoesNotContain(await pod.Containers[0].ProcessesAsync(), process => process.Contains("yes", StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task The_signal_reaches_the_command_which_may_handle_it_and_choose_its_exit_code()
    {
        var (_, pod) = await _bed.StartClusterWithPodAsync(TestImages.Dash);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var rind = _bed.Home.Start(["sh", "-c", "trap 'echo caught; exit 7' TERM; echo started; while :; do sleep 0.1; done"]);
        Assert.Equal("started", await rind.StandardOutput.ReadLineAsync(timeout.Token));

        await ProcessRunner.RunAsync("kill", ["-TERM", rind.Id.ToString(CultureInfo.InvariantCulture)]);
        var rest = await rind.StandardOutput.ReadToEndAsync(timeout.Token);
        await rind.WaitForExitAsync(timeout.Token);

        Assert.Equal((7, "caught\n"), (rind.ExitCode, rest));
        Assert.DoesNotContain(await pod.Containers[0].ProcessesAsync(), process => process.Contains("while", StringComparison.Ordinal));
    }

    /// <summary>
    /// Waits until the container runs <paramref name="command"/>: the shell printed "started" before it
    /// replaced itself with it, so for a moment the process table may show the shell in between.
    /// </summary>
    private static async Task WaitUntilRunningAsync(FakePodContainer container, string command, CancellationToken cancellationToken)
    {
        while (!(await container.ProcessesAsync()).Any(process => process.Contains(command, StringComparison.Ordinal)))
        {
            await Task.Delay(50, cancellationToken);
        }
    }
}
