using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class ShellTests
{
    [Trait("Category", "Representative")]
    [Fact]
    public async Task Without_a_command_rind_runs_the_containers_shell()
    {
        await using var container = await LabelledContainer.StartAsync(TestImages.Dash);

        var result = await RindBinary.RunAsync([], stdin: "echo \"shell $0\"\nexit 4\n"u8.ToArray());

        Assert.Equal("shell /bin/sh\n", result.Stdout);
        Assert.Equal(4, result.ExitCode);
    }
}
