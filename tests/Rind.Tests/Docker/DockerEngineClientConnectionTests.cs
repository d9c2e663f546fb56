using Microsoft.Extensions.Logging.Abstractions;
using Rind.Docker;
using Rind.Docker.Dialing;
using Rind.Docker.Models;

namespace Rind.Tests.Docker;

public sealed class DockerEngineClientConnectionTests : IDisposable
{
    private const string Upgraded = "HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task The_json_calls_of_a_run_share_one_connection()
    {
        await using var server = FakeEngineServer.Start(
            [
                EngineResponses.Ping("1.45"),
                EngineResponses.Json(200, "OK", "[]"),
                EngineResponses.Json(201, "Created", """{"Id":"e1"}"""),
                EngineResponses.Json(200, "OK", """{"Running":false,"ExitCode":0,"Pid":7}"""),
            ],
            _timeout.Token);
        using var client = DockerEngineClient.Connect(server.Endpoint, new SocketDialer(server.Endpoint), requestedVersion: null, NullLogger.Instance);
        client.ListContainersWithLabel("app.rind");
        client.CreateExec("c1", new ExecCreateRequest { Cmd = ["true"] });
        client.InspectExec("e1");

        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task An_exec_stream_gets_a_connection_of_its_own_and_the_json_calls_keep_theirs()
    {
        await using var server = FakeEngineServer.Start(
            [
                EngineResponses.Ping("1.45"),
                Upgraded,
                EngineResponses.Json(200, "OK", """{"Running":false,"ExitCode":0,"Pid":7}"""),
            ],
            _timeout.Token);
        using var client = DockerEngineClient.Connect(server.Endpoint, new SocketDialer(server.Endpoint), requestedVersion: null, NullLogger.Instance);

        using (client.StartExec("e1", new ExecStartRequest()))
        {
            client.InspectExec("e1");
        }

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, server.ConnectionCount);
    }

    public void Dispose() => _timeout.Dispose();
}
