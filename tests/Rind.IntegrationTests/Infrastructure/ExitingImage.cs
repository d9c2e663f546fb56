namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// The dash test image with a command of its own that ends at once (sh, with no input), as python:3.12's
/// python3 does when compose starts it: a service of it stays up only when its compose file says how.
/// Made by export and import, which Podman's Docker API serves as Docker's does (its commit does not
/// take the Docker CLI's request).
/// </summary>
public sealed class ExitingImage : IAsyncLifetime
{
    public const string Name = "rind-test/exits-at-once:latest";

    public async Task InitializeAsync()
    {
        var container = await DockerCli.RunAsync("create", "--label", DockerCli.TestLabel, "--network", "none", TestImages.Dash);
        try
        {
            var result = await ProcessRunner.RunAsync(
                "bash",
                ["-c", "set -o pipefail; docker export \"$1\" | docker import --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' --change 'CMD [\"sh\"]' - \"$2\"", "bash", container, Name]);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"making {Name} failed: {result.Stderr.Trim()}");
            }
        }
        finally
        {
            await DockerCli.RemoveAsync(container);
        }
    }

    public Task DisposeAsync() => DockerCli.RunAsync("rmi", Name);
}
