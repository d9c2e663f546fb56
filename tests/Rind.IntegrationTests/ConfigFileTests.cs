using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class ConfigFileTests
{
    [Fact]
    public async Task A_config_file_that_is_a_FIFO_is_refused_at_once()
    {
        var folder = Directory.CreateTempSubdirectory("rind-it-fifo-config-");
        try
        {
            var config = Path.Combine(folder.FullName, "config.json");
            await ProcessRunner.RunAsync("mkfifo", [config], timeout: TimeSpan.FromSeconds(10));

            var result = await RindBinary.RunAsync(
                ["true"],
                environment: new Dictionary<string, string?> { ["DOCKER_CONFIG"] = folder.FullName, ["DOCKER_HOST"] = null },
                timeout: TimeSpan.FromSeconds(10));

            Assert.Equal(125, result.ExitCode);
            Assert.Equal(
                $"rind: cannot read the Docker CLI's config file {config}: it is a named pipe (FIFO), which would wait for a writer\n",
                result.Stderr);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
