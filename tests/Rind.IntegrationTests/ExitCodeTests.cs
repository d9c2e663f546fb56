using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
[Trait("Category", "Representative")]
public sealed class ExitCodeTests
{
    public static TheoryData<string?> PreSteps() => new() { null, "source /venv/bin/activate" };

    [Theory]
    [MemberData(nameof(PreSteps))]
    public async Task The_commands_exit_code_is_rinds(string? preStep)
    {
        await using var container = await LabelledContainer.StartAsync(TestImages.Dash, preStep);

        var result = await RindBinary.RunAsync(["sh", "-c", "exit 7"]);

        Assert.Equal(7, result.ExitCode);
        Assert.Equal("", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(PreSteps))]
    public async Task A_command_killed_by_a_signal_exits_128_plus_the_signal(string? preStep)
    {
        await using var container = await LabelledContainer.StartAsync(TestImages.Dash, preStep);

        var result = await RindBinary.RunAsync(["sh", "-c", "kill -TERM $$"]);

        Assert.Equal(143, result.ExitCode);
    }

    [Theory]
    [MemberData(nameof(PreSteps))]
    public async Task A_command_that_is_not_found_exits_127_with_one_line(string? preStep)
    {
        await using var container = await LabelledContainer.StartAsync(TestImages.Dash, preStep);

        var result = await RindBinary.RunAsync(["no-such-command", "arg"]);

        Assert.Equal(127, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("rind: no-such-command: command not found\n", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(PreSteps))]
    public async Task A_command_that_cannot_be_run_exits_126_with_one_line(string? preStep)
    {
        await using var container = await LabelledContainer.StartAsync(TestImages.Dash, preStep);

        var result = await RindBinary.RunAsync(["/opt/not-executable"]);

        Assert.Equal(126, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("/opt/not-executable", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ermission denied", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }
}
