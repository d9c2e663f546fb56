using Docker.DotNet.Models;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// The dash test image with a command of its own that ends at once (sh, with no input), as python:3.12's
/// python3 does when compose starts it: a service of it stays up only when its compose file says how.
/// Made by export and import, which Podman's Docker API serves as Docker's does.
/// </summary>
public sealed class ExitingImage : IAsyncLifetime
{
    public const string Name = "rind-test/exits-at-once:latest";

    public async Task InitializeAsync()
    {
        var container = await TestEngine.CreateContainerAsync(new CreateContainerParameters { Image = TestImages.Dash });
        try
        {
            await TestEngine.ImportAsync(container, Name.Split(':')[0], Name.Split(':')[1], ["ENV PATH=/usr/local/bin:/usr/bin:/bin", "CMD [\"sh\"]"]);
        }
        finally
        {
            await TestEngine.RemoveContainerAsync(container);
        }
    }

    public Task DisposeAsync() => TestEngine.RemoveImageAsync(Name);
}
