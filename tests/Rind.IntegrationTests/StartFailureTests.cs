using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class StartFailureTests : IAsyncLifetime
{
    private LabelledContainer? _container;

    public async Task InitializeAsync() => _container = await LabelledContainer.StartAsync();

    public async Task DisposeAsync() => await _container!.DisposeAsync();

    [Theory]
    [InlineData("-w", "/nonexistent", "rind: cannot run in /nonexistent: no such folder in the container\n")]
    [InlineData("-u", "nosuchuser", "rind: no user nosuchuser in the container\n")]
    [InlineData("-u", "0:nosuchgroup", "rind: no group nosuchgroup in the container\n")]
    public async Task A_folder_user_or_group_missing_in_the_container_is_named_in_one_line_on_stderr_and_exits_126(
        string option, string value, string message)
    {
        var result = await RindBinary.RunAsync([option, value, "pwd"]);

        Assert.Equal(126, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(message, result.Stderr);
    }
}
