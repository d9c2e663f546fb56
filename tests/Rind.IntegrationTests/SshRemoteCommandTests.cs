using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>What rind asks the remote host to run over ssh, which the remote user's shell reads.</summary>
[Collection(EngineCollection.Name)]
public sealed class SshRemoteCommandTests
{
    [EndpointFact(TestEndpoints.SshHost)]
    public async Task Shell_syntax_in_the_socket_path_of_an_ssh_address_runs_nothing_on_the_remote_host()
    {
        var marker = Path.Combine(Path.GetTempPath(), "rind-it-marker-" + Guid.NewGuid().ToString("N")[..10]);
        var address = $"{TestEndpoints.Get(TestEndpoints.SshHost)}/run/docker.sock;touch${{IFS}}{marker};#";
        try
        {
            var result = await RindBinary.RunAsync(
                ["true"], environment: new Dictionary<string, string?> { ["DOCKER_HOST"] = address }, timeout: TimeSpan.FromSeconds(60));

            Assert.False(File.Exists(marker), "the remote shell ran the command in the address");
            Assert.Equal(125, result.ExitCode);
            Assert.StartsWith("rind: ", result.Stderr, StringComparison.Ordinal);
            Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        }
        finally
        {
            File.Delete(marker);
        }
    }
}
