using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Rind.Diagnostics;
using Rind.Docker;
using Rind.Docker.Dialing;

namespace Rind.Tests.Docker;

/// <summary>What an engine says, quoted in rind's errors: never able to act on the terminal or forge a line.</summary>
public sealed class DockerEngineClientUntrustedResponseTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task An_engines_error_message_is_kept_on_one_line_with_its_control_characters_as_escapes()
    {
        await using var server = FakeEngineServer.Start(
            [EngineResponses.Json(500, "Server Error", """{"message":"boom\n\u001b[2J\u001b]0;pwned\u0007rind: all is well"}""")], _timeout.Token);
        using var client = Client(server);

        var exception = Assert.Throws<EngineRequestException>(() => client.ListContainersWithLabel("app.rind"));

        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
        Assert.Equal(@"boom\n\x1b[2J\x1b]0;pwned\x07rind: all is well", exception.EngineMessage);
    }

    [Fact]
    public async Task A_very_long_error_message_is_cut()
    {
        await using var server = FakeEngineServer.Start(
            [EngineResponses.Json(409, "Conflict", $$"""{"message":"{{new string('x', 100_000)}}"}""")], _timeout.Token);
        using var client = Client(server);

        var exception = Assert.Throws<EngineRequestException>(() => client.ListContainersWithLabel("app.rind"));

        Assert.InRange(exception.EngineMessage.Length, 200, 1_001);
        Assert.EndsWith("x…", exception.EngineMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_line_that_is_not_one_is_quoted_with_its_control_characters_as_escapes()
    {
        await using var server = FakeEngineServer.Start(["HTTP/1.1 2\u001b]0;pwned\u0007 OK\r\n\r\n"], _timeout.Token);
        using var client = Client(server);

        var exception = Assert.Throws<RindException>(() => client.ListContainersWithLabel("app.rind"));

        Assert.Contains(@"'HTTP/1.1 2\x1b]0;pwned\x07 OK'", exception.Message, StringComparison.Ordinal);
        AssertShowable(exception.Message);
    }

    [Fact]
    public async Task A_chunk_size_that_is_not_one_is_quoted_on_one_line()
    {
        await using var server = FakeEngineServer.Start(
            ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\nrind: all is well\u001b[8m\r\n"], _timeout.Token);
        using var client = Client(server);

        var exception = Assert.Throws<RindException>(() => client.ListContainersWithLabel("app.rind"));

        Assert.Contains(@"'zz\nrind: all is well\x1b[8m'", exception.Message, StringComparison.Ordinal);
        AssertShowable(exception.Message);
    }

    [Fact]
    public async Task An_answer_that_is_not_the_json_expected_is_reported_on_one_line()
    {
        await using var server = FakeEngineServer.Start(
            [EngineResponses.Json(200, "OK", """[{"Labels":{"x\nrind: all is well\u001b[8m":5}}]""")], _timeout.Token);
        using var client = Client(server);

        var exception = Assert.Throws<RindException>(() => client.ListContainersWithLabel("app.rind"));

        Assert.Contains("gave an answer rind cannot read", exception.Message, StringComparison.Ordinal);
        AssertShowable(exception.Message);
    }

    public void Dispose() => _timeout.Dispose();

    private static void AssertShowable(string message) =>
        Assert.DoesNotContain(message, UntrustedText.IsControl);

    private static DockerEngineClient Client(FakeEngineServer server) =>
        DockerEngineClient.Connect(server.Endpoint, new SocketDialer(server.Endpoint), new ApiVersion(1, 45), NullLogger.Instance);
}
