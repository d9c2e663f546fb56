using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class SshTransportTests
{
    [EndpointFact(TestEndpoints.SshHost)]
    public async Task An_ssh_engine_runs_the_command_and_gets_the_end_of_stdin()
    {
        await using var container = await LabelledContainer.StartAsync();

        var result = await RindBinary.RunAsync(
            ["-v", "sh", "-c", "cat; exit 4"], stdin: "over ssh\n"u8.ToArray(), environment: Host(TestEndpoints.Get(TestEndpoints.SshHost)));

        Assert.Equal("over ssh\n", result.Stdout);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains($"rind: engine {TestEndpoints.Get(TestEndpoints.SshHost)} from DOCKER_HOST", result.Stderr, StringComparison.Ordinal);
    }

    [EndpointFact(TestEndpoints.SshHost)]
    public async Task The_host_option_reaches_an_ssh_engine()
    {
        await using var container = await LabelledContainer.StartAsync();

        var result = await RindBinary.RunAsync(["-H", TestEndpoints.Get(TestEndpoints.SshHost), "echo", "ok"], environment: Host(null));

        Assert.Equal("ok\n", result.Stdout);
    }

    [Fact]
    public async Task A_failing_ssh_connection_shows_what_ssh_said_on_one_line()
    {
        using var unused = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        unused.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)unused.LocalEndPoint!).Port;

        var result = await RindBinary.RunAsync(["true"], environment: Host($"ssh://127.0.0.1:{port}"));

        Assert.Equal(125, result.ExitCode);
        Assert.Equal(
            $"rind: ssh to ssh://127.0.0.1:{port} failed (exit code 255): ssh: connect to host 127.0.0.1 port {port}: Connection refused\n",
            result.Stderr);
    }

    [Fact]
    public async Task Without_an_ssh_client_rind_says_to_install_one()
    {
        var emptyPath = Directory.CreateTempSubdirectory("rind-it-path-");
        try
        {
            var result = await RindBinary.RunAsync(
                ["true"], environment: new Dictionary<string, string?> { ["DOCKER_HOST"] = "ssh://somewhere", ["PATH"] = emptyPath.FullName });

            Assert.Equal(125, result.ExitCode);
            Assert.StartsWith("rind: ssh://somewhere needs the OpenSSH client, and ssh cannot be run (", result.Stderr, StringComparison.Ordinal);
            Assert.EndsWith("): install it (openssh-client)\n", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            emptyPath.Delete();
        }
    }

    private static Dictionary<string, string?> Host(string? address) => new() { ["DOCKER_HOST"] = address };
}
