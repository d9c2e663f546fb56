using System.Net.Sockets;

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
        try
        {
            await TestEngine.RemoveTestContainersAsync();
        }
        catch (Exception exception) when (exception is HttpRequestException or SocketException)
        {
            throw new InvalidOperationException($"no engine answers at {TestEngine.Address}: {exception.Message}", exception);
        }

        foreach (var image in TestImages.All)
        {
            await TestEngine.InspectImageAsync(image);
        }

        var foreign = await TestEngine.ListContainersAsync("app.rind", all: false);
        if (foreign.Count > 0)
        {
            var names = foreign.Select(container => container.Names[0].TrimStart('/'));
            throw new InvalidOperationException(
                $"running containers on this engine already carry app.rind ({string.Join(", ", names)}); " +
                "the tests need to be the only ones: stop those, or point DOCKER_HOST at another engine");
        }
    }

    public Task DisposeAsync() => TestEngine.RemoveTestContainersAsync();
}
