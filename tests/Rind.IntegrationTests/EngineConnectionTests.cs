using System.Net.Sockets;
using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class EngineConnectionTests
{
    [Fact]
    public async Task A_missing_engine_socket_is_named_with_what_to_do()
    {
        var result = await RindBinary.RunAsync(["true"], environment: Host("unix:///nonexistent/docker.sock"));

        Assert.Equal(125, result.ExitCode);
        Assert.Equal(
            "rind: cannot reach the Docker engine: unix:///nonexistent/docker.sock does not exist; is the engine running? " +
            "Start Docker, or set DOCKER_HOST to where it listens\n",
            result.Stderr);
    }

    [Fact]
    public async Task A_socket_that_may_not_be_opened_points_at_the_docker_group()
    {
        var directory = Directory.CreateTempSubdirectory("rind-it-");
        try
        {
            var path = Path.Combine(directory.FullName, "docker.sock");
            using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen();
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            directory.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            var binary = Path.Combine(directory.FullName, "rind");
            File.Copy(RindBinary.Path, binary);

            // As an unprivileged user, as a developer outside the docker group is.
            var result = await ProcessRunner.RunAsync(
                "setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary, "true"], environment: Host("unix://" + path));

            Assert.Equal(125, result.ExitCode);
            Assert.Equal(
                $"rind: permission denied on the Docker engine's socket unix://{path}: add your user to the 'docker' group " +
                "(sudo usermod -aG docker $USER, then log in again), or set DOCKER_HOST to an engine you may use\n",
                result.Stderr);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_tcp_address_where_nothing_listens_is_named()
    {
        using var unused = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        unused.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)unused.LocalEndPoint!).Port;

        var result = await RindBinary.RunAsync(["true"], environment: Host($"tcp://127.0.0.1:{port}"));

        Assert.Equal(125, result.ExitCode);
        Assert.StartsWith($"rind: cannot reach the Docker engine at tcp://127.0.0.1:{port} (", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task An_address_of_an_unknown_kind_is_a_one_line_error()
    {
        var result = await RindBinary.RunAsync(["true"], environment: Host("http://127.0.0.1:2375"));

        Assert.Equal(125, result.ExitCode);
        Assert.Equal(
            "rind: http://127.0.0.1:2375 (from DOCKER_HOST) is not an engine address rind can use: " +
            "give unix:///path/to/docker.sock, tcp://host[:port] or ssh://[user@]host[:port]\n",
            result.Stderr);
    }

    [Fact]
    public async Task A_plain_tcp_engine_runs_the_command_and_gets_the_end_of_stdin()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var forwarder = LoopbackTcpForwarder.ToEngine();

        var result = await RindBinary.RunAsync(
            ["sh", "-c", "cat; exit 5"], stdin: "over tcp\n"u8.ToArray(), environment: Host($"tcp://127.0.0.1:{forwarder.Port}"));

        Assert.Equal("over tcp\n", result.Stdout);
        Assert.Equal(5, result.ExitCode);
    }

    [Fact]
    public async Task DOCKER_API_VERSION_is_spoken_without_negotiating()
    {
        await using var container = await LabelledContainer.StartAsync();

        var result = await RindBinary.RunAsync(
            ["-v", "echo", "ok"], environment: new Dictionary<string, string?> { ["DOCKER_API_VERSION"] = "1.41" });

        Assert.Equal("ok\n", result.Stdout);
        Assert.Contains("using API 1.41 from DOCKER_API_VERSION", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("speaks API", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_DOCKER_API_VERSION_is_a_one_line_error()
    {
        var result = await RindBinary.RunAsync(
            ["true"], environment: new Dictionary<string, string?> { ["DOCKER_API_VERSION"] = "new" });

        Assert.Equal(125, result.ExitCode);
        Assert.Equal("rind: DOCKER_API_VERSION=new is not an API version such as 1.41\n", result.Stderr);
    }

    private static Dictionary<string, string?> Host(string address) => new() { ["DOCKER_HOST"] = address };
}
