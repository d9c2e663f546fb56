using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Rind.Docker;
using Rind.Docker.Dialing;
using Rind.Docker.Models;

namespace Rind.Tests.Docker;

public sealed class DockerEngineClientCreateExecTests : IDisposable
{
    private static readonly string Created = EngineResponses.Json(201, "Created", """{"Id":"f00dfeed"}""");

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task The_exec_is_posted_to_the_container_and_its_id_returned()
    {
        await using var server = FakeEngineServer.Start([Created], _timeout.Token);
        using var client = ConnectedClient(server);

        var execId = client.CreateExec("c0ffee", new ExecCreateRequest { Cmd = ["true"] });

        Assert.Equal("f00dfeed", execId);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1.45/containers/c0ffee/exec", request.Target);
    }

    [Fact]
    public async Task The_body_is_json_with_a_content_length_and_not_chunked()
    {
        await using var server = FakeEngineServer.Start([Created], _timeout.Token);
        using var client = ConnectedClient(server);

        client.CreateExec("c0ffee", new ExecCreateRequest { Cmd = ["true"] });

        var request = Assert.Single(server.Requests);
        Assert.Null(request.Header("Transfer-Encoding"));
        Assert.Equal(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("Content-Length"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_arrives_exactly_as_given_with_spaces_quotes_and_empty_arguments()
    {
        string[] command = ["sh", "-c", "printf '%s|' \"$@\"", "", "two  spaces", "a \"quoted\" word", "back\\slash", "grüße", " "];
        await using var server = FakeEngineServer.Start([Created], _timeout.Token);
        using var client = ConnectedClient(server);

        client.CreateExec("c0ffee", new ExecCreateRequest { Cmd = command });

        using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        Assert.Equal(command, body.RootElement.GetProperty("Cmd").EnumerateArray().Select(argument => argument.GetString()));
    }

    [Theory]
    [InlineData(true, true, true, false)]
    [InlineData(false, true, true, true)]
    [InlineData(true, false, true, false)]
    [InlineData(false, false, false, true)]
    public async Task The_attach_and_tty_flags_are_sent_as_given(bool stdin, bool stdout, bool stderr, bool tty)
    {
        await using var server = FakeEngineServer.Start([Created], _timeout.Token);
        using var client = ConnectedClient(server);
        var request = new ExecCreateRequest
        {
            AttachStdin = stdin,
            AttachStdout = stdout,
            AttachStderr = stderr,
            Tty = tty,
            Cmd = ["id"],
        };

        client.CreateExec("c0ffee", request);

        using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        var root = body.RootElement;
        Assert.Equal(
            ["AttachStderr", "AttachStdin", "AttachStdout", "Cmd", "Privileged", "Tty"],
            root.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        Assert.Equal(stdin, root.GetProperty("AttachStdin").GetBoolean());
        Assert.Equal(stdout, root.GetProperty("AttachStdout").GetBoolean());
        Assert.Equal(stderr, root.GetProperty("AttachStderr").GetBoolean());
        Assert.Equal(tty, root.GetProperty("Tty").GetBoolean());
    }

    [Fact]
    public async Task A_container_name_is_url_encoded_in_the_path()
    {
        await using var server = FakeEngineServer.Start([Created], _timeout.Token);
        using var client = ConnectedClient(server);

        client.CreateExec("my web/1", new ExecCreateRequest { Cmd = ["true"] });

        Assert.Equal("/v1.45/containers/my%20web%2F1/exec", Assert.Single(server.Requests).Target);
    }

    [Fact]
    public async Task A_stopped_container_is_an_engine_error_with_status_and_message()
    {
        await using var server = FakeEngineServer.Start(
            [EngineResponses.Json(409, "Conflict", """{"message":"Container x is not running"}""")],
            _timeout.Token);
        using var client = ConnectedClient(server);

        var exception = Assert.Throws<EngineRequestException>(
            () => client.CreateExec("x", new ExecCreateRequest { Cmd = ["true"] }));

        Assert.Equal(HttpStatusCode.Conflict, exception.StatusCode);
        Assert.Equal("Container x is not running", exception.EngineMessage);
    }

    [Fact]
    public async Task An_error_answer_that_is_not_json_gives_its_text_as_the_message()
    {
        const string answer = "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\nContent-Length: 21\r\n\r\nupstream unavailable\n";
        await using var server = FakeEngineServer.Start([answer], _timeout.Token);
        using var client = ConnectedClient(server);

        var exception = Assert.Throws<EngineRequestException>(
            () => client.CreateExec("x", new ExecCreateRequest { Cmd = ["true"] }));

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Equal("upstream unavailable", exception.EngineMessage);
    }

    public void Dispose() => _timeout.Dispose();

    private DockerEngineClient ConnectedClient(FakeEngineServer server)
    {
        var client = DockerEngineClient.Connect(server.Endpoint, new SocketDialer(server.Endpoint), new ApiVersion(1, 45), NullLogger.Instance);
        return client;
    }
}
