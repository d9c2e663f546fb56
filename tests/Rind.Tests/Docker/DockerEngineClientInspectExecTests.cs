using Microsoft.Extensions.Logging.Abstractions;
using Rind.Docker;
using Rind.Docker.Dialing;

namespace Rind.Tests.Docker;

public sealed class DockerEngineClientInspectExecTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task A_finished_exec_is_read_with_its_exit_code_and_pid()
    {
        const string finished = """
            {
              "CanRemove": false,
              "ContainerID": "c0ffee",
              "DetachKeys": "",
              "ExitCode": 3,
              "ID": "e1",
              "OpenStderr": true,
              "OpenStdin": true,
              "OpenStdout": true,
              "ProcessConfig": {"arguments": ["-c", "exit 3"], "entrypoint": "sh", "privileged": false, "tty": false, "user": ""},
              "Running": false,
              "Pid": 4242
            }
            """;
        await using var server = FakeEngineServer.Start([EngineResponses.Json(200, "OK", finished)], _timeout.Token);
        using var client = ConnectedClient(server);

        var exec = client.InspectExec("e1");

        Assert.False(exec.Running);
        Assert.Equal(3, exec.ExitCode);
        Assert.Equal(4242, exec.Pid);
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1.45/exec/e1/json", request.Target);
    }

    [Fact]
    public async Task A_running_exec_without_an_exit_code_is_read_as_running()
    {
        const string running = """{"ID":"e1","Running":true,"ExitCode":null,"Pid":77}""";
        await using var server = FakeEngineServer.Start([EngineResponses.Json(200, "OK", running)], _timeout.Token);
        using var client = ConnectedClient(server);

        var exec = client.InspectExec("e1");

        Assert.True(exec.Running);
        Assert.Null(exec.ExitCode);
        Assert.Equal(77, exec.Pid);
    }

    [Fact]
    public async Task An_unknown_exec_is_an_engine_error()
    {
        await using var server = FakeEngineServer.Start(
            [EngineResponses.Json(404, "Not Found", """{"message":"No such exec instance: e1"}""")],
            _timeout.Token);
        using var client = ConnectedClient(server);

        var exception = Assert.Throws<EngineRequestException>(() => client.InspectExec("e1"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("No such exec instance: e1", exception.EngineMessage);
    }

    public void Dispose() => _timeout.Dispose();

    private DockerEngineClient ConnectedClient(FakeEngineServer server)
    {
        var client = DockerEngineClient.Connect(server.Endpoint, new SocketDialer(server.Endpoint), new ApiVersion(1, 45), NullLogger.Instance);
        return client;
    }
}
