using Rind.IntegrationTests.Infrastructure;
using Rind.IntegrationTests.Infrastructure.Kubernetes;

namespace Rind.IntegrationTests;

/// <summary>
/// The exit code of a command run in a pod, from the exec's Status: the command's own, and 127 or 126
/// with one line where it could not be started, as on Docker.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class KubeExitCodeTests : IAsyncLifetime
{
    private readonly KubeTestBed _bed = new();

    public static TheoryData<string?> PreSteps() => new() { null, "source /venv/bin/activate" };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Theory(Timeout = 120_000)]
    [InlineData(0, null)]
    [InlineData(3, null)]
    [InlineData(255, null)]
    [InlineData(0, "source /venv/bin/activate")]
    [InlineData(3, "source /venv/bin/activate")]
    [InlineData(255, "source /venv/bin/activate")]
    public async Task The_commands_exit_code_is_rinds(int exitCode, string? preStep)
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync(TestImages.Dash, PreStep(preStep));

        var result = await _bed.Home.RunAsync(["sh", "-c", $"echo ran; exit {exitCode}"]);

        Assert.Equal((exitCode, "ran\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
        Assert.Equal(exitCode, Assert.Single(cluster.Execs).ExitCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_command_killed_by_a_signal_exits_128_plus_the_signal()
    {
        await _bed.StartClusterWithPodAsync(TestImages.Dash);

        var result = await _bed.Home.RunAsync(["sh", "-c", "kill -TERM $$"]);

        Assert.Equal(143, result.ExitCode);
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(PreSteps))]
    public async Task A_command_that_is_not_found_exits_127_with_one_line(string? preStep)
    {
        await _bed.StartClusterWithPodAsync(TestImages.Dash, PreStep(preStep));

        var result = await _bed.Home.RunAsync(["no-such-command", "arg"]);

        Assert.Equal((127, "", "rind: no-such-command: command not found\n"), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(PreSteps))]
    public async Task A_command_that_cannot_be_run_exits_126_with_one_line(string? preStep)
    {
        await _bed.StartClusterWithPodAsync(TestImages.Dash, PreStep(preStep));

        var result = await _bed.Home.RunAsync(["/opt/not-executable"]);

        Assert.Equal((126, ""), (result.ExitCode, result.Stdout));
        RindStderr.AssertOneLine(result.Stderr);
        Assert.Contains("/opt/not-executable", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ermission denied", result.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_working_folder_missing_in_the_pod_exits_126_with_one_line()
    {
        await _bed.StartClusterWithPodAsync();

        var result = await _bed.Home.RunAsync(["-w", "/nonexistent", "pwd"]);

        Assert.Equal((126, ""), (result.ExitCode, result.Stdout));
        RindStderr.AssertOneLine(result.Stderr);
        Assert.Contains("/nonexistent", result.Stderr, StringComparison.Ordinal);
    }

    private static Dictionary<string, string>? PreStep(string? preStep) =>
        preStep is null ? null : new Dictionary<string, string> { ["app.rind"] = preStep };
}
