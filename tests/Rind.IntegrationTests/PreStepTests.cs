using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class PreStepTests
{
    [Trait("Category", "Representative")]
    [Theory]
    [InlineData(TestImages.Dash)]
    [InlineData(TestImages.Busybox)]
    public async Task A_pre_step_written_with_source_activates_the_virtualenv(string image)
    {
        await using var container = await LabelledContainer.StartAsync(image, "source /venv/bin/activate");

        var result = await RindBinary.RunAsync(["venv-check"]);

        Assert.Equal("venv:/venv\n", result.Stdout);
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task The_pre_step_runs_before_the_shell_too()
    {
        await using var container = await LabelledContainer.StartAsync(TestImages.Dash, ". /venv/bin/activate");

        var result = await RindBinary.RunAsync([], stdin: "echo \"$VIRTUAL_ENV\"\n"u8.ToArray());

        Assert.Equal("/venv\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [InlineData(TestImages.Dash)]
    [InlineData(TestImages.Busybox)]
    public async Task A_failing_pre_step_stops_the_command_and_gives_its_exit_code(string image)
    {
        await using var container = await LabelledContainer.StartAsync(image, "source /venv/no-such-activate");

        var result = await RindBinary.RunAsync(["echo", "should not run"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.NotEqual(125, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("no-such-activate", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exit_code_of_a_failing_pre_step_is_rinds()
    {
        await using var container = await LabelledContainer.StartAsync(TestImages.Dash, "cd /nowhere 2>/dev/null || (exit 9)");

        var result = await RindBinary.RunAsync(["true"]);

        Assert.Equal(9, result.ExitCode);
        Assert.Equal("rind: the pre-step of the app.rind label failed with exit code 9\n", result.Stderr);
    }
}
