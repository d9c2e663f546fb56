using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Rind.Docker;
using Rind.Docker.Dialing;

namespace Rind.Tests.Docker;

public sealed class DockerEngineClientUnreachableEngineTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rind-engine-");

    [Fact]
    public void A_socket_path_that_does_not_exist_says_so_and_asks_whether_the_engine_runs()
    {
        var path = Path.Combine(_directory.FullName, "docker.sock");
                var exception = Assert.Throws<RindException>(() => DockerEngineClient.Connect(new UnixEngineEndpoint(path), new SocketDialer(new UnixEngineEndpoint(path)), null, NullLogger.Instance));

        Assert.Contains($"unix://{path} does not exist", exception.Message, StringComparison.Ordinal);
        Assert.Contains("is the engine running?", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
        Assert.DoesNotContain('\r', exception.Message);
    }

    [Fact]
    public void A_socket_nobody_listens_on_names_the_address_and_asks_whether_the_engine_runs()
    {
        var path = Path.Combine(_directory.FullName, "docker.sock");
        using var stale = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        stale.Bind(new UnixDomainSocketEndPoint(path));
                var exception = Assert.Throws<RindException>(() => DockerEngineClient.Connect(new UnixEngineEndpoint(path), new SocketDialer(new UnixEngineEndpoint(path)), null, NullLogger.Instance));

        Assert.Contains($"cannot reach the Docker engine at unix://{path}", exception.Message, StringComparison.Ordinal);
        Assert.Contains("is the engine running?", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public void A_request_after_connecting_to_a_missing_socket_fails_the_same_way()
    {
        var path = Path.Combine(_directory.FullName, "docker.sock");
        using var client = DockerEngineClient.Connect(new UnixEngineEndpoint(path), new SocketDialer(new UnixEngineEndpoint(path)), new ApiVersion(1, 45), NullLogger.Instance);

        var exception = Assert.Throws<RindException>(
            () => client.ListContainersWithLabel("app.rind"));

        Assert.Contains($"unix://{path} does not exist", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _timeout.Dispose();
        _directory.Delete(recursive: true);
    }
}
