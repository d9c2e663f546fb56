using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>
/// The rind command pip installed from the wheel runs a command in the labelled container: the part of
/// the wheel's tests that needs the engine.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Packaging")]
public sealed class WheelExecTests(InstalledWheel wheel) : IClassFixture<InstalledWheel>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_command_pip_installed_runs_a_command_in_the_labelled_container()
    {
        await using var container = await LabelledContainer.StartAsync();

        var result = await ProcessRunner.RunAsync(wheel.CommandPath, ["sh", "-c", "echo installed; exit 3"], timeout: Deadline);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("installed\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }
}
