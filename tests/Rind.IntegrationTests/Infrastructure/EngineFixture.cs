namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// Checks once that the engine, the images and the binary are there, and that no container left by
/// an earlier run (or of the developer's own) would make the tests' containers ambiguous.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        _ = RindBinary.Path;
        await DockerCli.RemoveTestContainersAsync();
        foreach (var image in TestImages.All)
        {
            await DockerCli.RunAsync("image", "inspect", "--format", "{{.Id}}", image);
        }

        var foreign = await DockerCli.RunAsync("ps", "--filter", "label=app.rind", "--format", "{{.Names}}");
        if (foreign.Length > 0)
        {
            throw new InvalidOperationException(
                $"running containers on this engine already carry app.rind ({foreign.ReplaceLineEndings(", ")}); " +
                "the tests need to be the only ones: stop those, or point DOCKER_HOST at another engine");
        }
    }

    public Task DisposeAsync() => DockerCli.RemoveTestContainersAsync();
}
