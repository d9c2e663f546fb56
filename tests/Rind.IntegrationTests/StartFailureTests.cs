using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class StartFailureTests : IAsyncLifetime
{
    private LabelledContainer? _container;

    public async Task InitializeAsync() => _container = await LabelledContainer.StartAsync();

    public async Task DisposeAsync() => await _container!.DisposeAsync();

    [Fact]
    public async Task A_working_folder_missing_in_the_container_is_named_in_one_line_and_exits_126()
    {
        var result = await RindBinary.RunAsync(["-w", "/nonexistent", "pwd"]);

        Assert.Equal(126, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("rind: cannot run in /nonexistent: no such folder in the container\n", result.Stderr);
    }

    [Fact]
    public async Task A_user_missing_in_the_container_is_one_line_on_stderr_and_exits_126()
    {
        var result = await RindBinary.RunAsync(["-u", "nosuchuser", "id"]);

        Assert.Equal(126, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("rind: no user nosuchuser in the container\n", result.Stderr);
    }

    [Fact]
    public async Task A_group_missing_in_the_container_is_one_line_on_stderr_and_exits_126()
    {
        var result = await RindBinary.RunAsync(["-u", "0:nosuchgroup", "id"]);

        Assert.Equal(126, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("rind: no group nosuchgroup in the container\n", result.Stderr);
    }
}
