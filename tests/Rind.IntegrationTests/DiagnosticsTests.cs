using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class DiagnosticsTests
{
    [Trait("Category", "Representative")]
    [Fact]
    public async Task Stdout_carries_only_the_commands_output()
    {
        await using var container = await LabelledContainer.StartAsync(TestImages.Busybox, "source /venv/bin/activate");

        var result = await RindBinary.RunAsync(["echo", "only this"]);

        Assert.Equal("only this\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Verbose_logs_the_container_the_api_version_and_the_exec_to_stderr()
    {
        await using var container = await LabelledContainer.StartAsync();

        var result = await RindBinary.RunAsync(["--verbose", "echo", "only this"]);

        Assert.Equal("only this\n", result.Stdout);
        Assert.Matches(@"rind: engine unix://\S+ speaks API 1\.\d+; using 1\.\d+\n", result.Stderr);
        Assert.Contains($"rind: container {container.Name} ({container.Id}) carries the label app.rind\n", result.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"rind: exec [0-9a-f]{64} created: \[""echo"",""only this""\]\n", result.Stderr);
        Assert.Matches(@"rind: exec [0-9a-f]{64} ended with exit code 0\n", result.Stderr);
    }

    [Fact]
    public async Task Verbose_shows_the_pre_step()
    {
        await using var container = await LabelledContainer.StartAsync(preStep: "source /venv/bin/activate");

        var result = await RindBinary.RunAsync(["-v", "true"]);

        Assert.Contains("rind: pre-step from the label: source /venv/bin/activate\n", result.Stderr, StringComparison.Ordinal);
    }
}
