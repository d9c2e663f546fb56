using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Rind.Docker;
using Rind.Docker.Dialing;
using Rind.Docker.Models;

namespace Rind.Tests.Docker;

public sealed class DockerEngineClientStartExecTests : IDisposable
{
    private const string Upgraded =
        "HTTP/1.1 101 UPGRADED\r\n" +
        "Content-Type: application/vnd.docker.raw-stream\r\n" +
        "Connection: Upgrade\r\n" +
        "Upgrade: tcp\r\n" +
        "\r\n";

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Starting_an_exec_asks_the_engine_to_upgrade_the_connection_to_tcp()
    {
        await using var server = FakeEngineServer.Start([Upgraded], _timeout.Token);
        using var client = ConnectedClient(server);

        using var connection = client.StartExec("e1", new ExecStartRequest());

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1.45/exec/e1/start", request.Target);
        Assert.Equal("Upgrade", request.Header("Connection"));
        Assert.Equal("tcp", request.Header("Upgrade"));
        Assert.Null(request.Header("Transfer-Encoding"));
        Assert.Equal(request.Body.Length.ToString(CultureInfo.InvariantCulture), request.Header("Content-Length"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.False(body.RootElement.GetProperty("Detach").GetBoolean());
        Assert.False(body.RootElement.GetProperty("Tty").GetBoolean());
    }

    [Fact]
    public async Task Bytes_that_follow_the_upgrade_answer_are_read_from_the_stream()
    {
        await using var server = FakeEngineServer.Start([Upgraded + "sent with the headers|"], _timeout.Token);
        using var client = ConnectedClient(server);
        using var connection = client.StartExec("e1", new ExecStartRequest());
        using var engine = await server.TakeUpgradedConnectionAsync(_timeout.Token);

        await engine.SendAsync("sent afterwards", _timeout.Token);
        var received = await ReadTextAsync(connection, "sent with the headers|sent afterwards".Length);

        Assert.Equal("sent with the headers|sent afterwards", received);
    }

    [Fact]
    public async Task Bytes_written_to_the_stream_reach_the_engine_unchanged()
    {
        var input = new byte[100_000];
        new Random(11).NextBytes(input);
        await using var server = FakeEngineServer.Start([Upgraded], _timeout.Token);
        using var client = ConnectedClient(server);
        using var connection = client.StartExec("e1", new ExecStartRequest());
        using var engine = await server.TakeUpgradedConnectionAsync(_timeout.Token);

        var receiving = engine.ReceiveExactlyAsync(input.Length, _timeout.Token);
        await connection.WriteAsync(input, _timeout.Token);
        var received = await receiving;

        Assert.Equal(input, received);
    }

    [Fact]
    public async Task Closing_the_input_ends_what_the_engine_reads_while_its_output_keeps_arriving()
    {
        await using var server = FakeEngineServer.Start([Upgraded + "ready\n"], _timeout.Token);
        using var client = ConnectedClient(server);
        using var connection = client.StartExec("e1", new ExecStartRequest());
        using var engine = await server.TakeUpgradedConnectionAsync(_timeout.Token);

        var greeting = await ReadTextAsync(connection, "ready\n".Length);
        await connection.WriteAsync("last line\n"u8.ToArray(), _timeout.Token);
        var input = Encoding.UTF8.GetString(await engine.ReceiveExactlyAsync("last line\n".Length, _timeout.Token));
        connection.CloseWrite();
        var readAfterClose = await engine.ReceiveAsync(new byte[64], _timeout.Token);
        await engine.SendAsync("output after the input ended\n", _timeout.Token);
        var lateOutput = await ReadTextAsync(connection, "output after the input ended\n".Length);
        engine.CloseOutput();
        var readAfterEngineEnded = await connection.ReadAsync(new byte[64], _timeout.Token);

        Assert.Equal("ready\n", greeting);
        Assert.Equal("last line\n", input);
        Assert.Equal(0, readAfterClose);
        Assert.Equal("output after the input ended\n", lateOutput);
        Assert.Equal(0, readAfterEngineEnded);
    }

    [Fact]
    public async Task Closing_the_input_twice_or_after_the_connection_ended_is_harmless()
    {
        await using var server = FakeEngineServer.Start([Upgraded], _timeout.Token);
        using var client = ConnectedClient(server);
        var connection = client.StartExec("e1", new ExecStartRequest());
        using var engine = await server.TakeUpgradedConnectionAsync(_timeout.Token);

        connection.CloseWrite();
        connection.CloseWrite();
        engine.Dispose();
        await connection.DisposeAsync();
        var exception = Record.Exception(connection.CloseWrite);

        Assert.Null(exception);
    }

    [Fact]
    public async Task Disposing_the_connection_hangs_up_on_the_engine()
    {
        await using var server = FakeEngineServer.Start([Upgraded], _timeout.Token);
        using var client = ConnectedClient(server);
        var connection = client.StartExec("e1", new ExecStartRequest());
        using var engine = await server.TakeUpgradedConnectionAsync(_timeout.Token);

        await connection.DisposeAsync();
        var read = await engine.ReceiveAsync(new byte[64], _timeout.Token);

        Assert.Equal(0, read);
    }

    [Fact]
    public async Task An_unknown_exec_is_an_engine_error_with_status_and_message()
    {
        await using var server = FakeEngineServer.Start(
            [EngineResponses.Json(404, "Not Found", """{"message":"No such exec instance: e1"}""")],
            _timeout.Token);
        using var client = ConnectedClient(server);

        var exception = Assert.Throws<EngineRequestException>(
            () => client.StartExec("e1", new ExecStartRequest()));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("No such exec instance: e1", exception.EngineMessage);
    }

    [Fact]
    public async Task A_success_answer_without_the_upgrade_is_refused()
    {
        await using var server = FakeEngineServer.Start([EngineResponses.Json(200, "OK", "{}")], _timeout.Token);
        using var client = ConnectedClient(server);

        var exception = Assert.Throws<RindException>(
            () => client.StartExec("e1", new ExecStartRequest()));

        Assert.Contains("did not hand over the exec's stream (HTTP 200)", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _timeout.Dispose();

    private DockerEngineClient ConnectedClient(FakeEngineServer server)
    {
        var client = DockerEngineClient.Connect(server.Endpoint, new SocketDialer(server.Endpoint), new ApiVersion(1, 45), NullLogger.Instance);
        return client;
    }

    private async Task<string> ReadTextAsync(Stream stream, int byteCount)
    {
        var buffer = new byte[byteCount];
        await stream.ReadExactlyAsync(buffer, _timeout.Token);
        return Encoding.UTF8.GetString(buffer);
    }
}
