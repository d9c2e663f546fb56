namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// The docker command, talking to the engine the tests use (DOCKER_HOST).
/// </summary>
public static class DockerCli
{
    /// <summary>Every container the tests make carries this label, and only those are ever removed.</summary>
    public const string TestLabel = "rind.test";

    public static async Task<string> RunAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("docker", arguments);
        return result.ExitCode == 0
            ? result.Stdout.Trim()
            : throw new InvalidOperationException($"docker {string.Join(' ', arguments)} failed: {result.Stderr.Trim()}");
    }

    public static async Task RemoveTestContainersAsync()
    {
        var ids = await RunAsync("ps", "-aq", "--filter", $"label={TestLabel}");
        await RemoveAsync(ids.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// Removes containers, running or not; one already gone, or going, is fine. Docker says "No such
    /// container", Podman "no such container" (and exits 0).
    /// </summary>
    public static async Task RemoveAsync(params string[] ids)
    {
        if (ids.Length == 0)
        {
            return;
        }

        var result = await ProcessRunner.RunAsync("docker", ["rm", "-f", .. ids]);
        var unexpected = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.Contains("No such container", StringComparison.OrdinalIgnoreCase)
                && !line.Contains("is already in progress", StringComparison.Ordinal))
            .ToArray();
        if (unexpected.Length > 0)
        {
            throw new InvalidOperationException($"docker rm -f failed: {string.Join(' ', unexpected)}");
        }
    }
}
