using Microsoft.Extensions.Logging.Abstractions;
using Rind.Docker;
using Rind.Docker.Dialing;

namespace Rind.Tests.Docker;

public sealed class DockerEngineClientConnectTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task The_api_version_is_taken_from_the_ping_answer()
    {
        await using var server = FakeEngineServer.Start([EngineResponses.Ping("1.45")], _timeout.Token);
        using var client = DockerEngineClient.Connect(server.Endpoint, new SocketDialer(server.Endpoint), null, NullLogger.Instance);

        var version = client.Version;

        Assert.Equal(new ApiVersion(1, 45), version);
        var ping = Assert.Single(server.Requests);
        Assert.Equal("GET", ping.Method);
        Assert.Equal("/_ping", ping.Target);
        Assert.Equal("HTTP/1.1", ping.Version);
        Assert.Empty(ping.Body);
    }

    [Fact]
    public async Task Later_requests_carry_the_negotiated_version_in_their_path()
    {
        await using var server = FakeEngineServer.Start(
            [EngineResponses.Ping("1.45"), EngineResponses.Json(200, "OK", "[]")],
            _timeout.Token);
        using var client = DockerEngineClient.Connect(server.Endpoint, new SocketDialer(server.Endpoint), null, NullLogger.Instance);
        client.ListContainersWithLabel("app.rind");

        Assert.Equal(["/_ping", "/v1.45/containers/json"], server.Requests.Select(request => request.Path));
    }

    [Fact]
    public async Task An_engine_newer_than_rind_is_spoken_to_in_the_newest_version_rind_knows()
    {
        await using var server = FakeEngineServer.Start(
            [EngineResponses.Ping("1.99"), EngineResponses.Json(200, "OK", "[]")],
            _timeout.Token);
        using var client = DockerEngineClient.Connect(server.Endpoint, new SocketDialer(server.Endpoint), null, NullLogger.Instance);

        var version = client.Version;
        client.ListContainersWithLabel("app.rind");

        Assert.Equal(ApiVersion.Maximum, version);
        Assert.Equal($"/v{ApiVersion.Maximum}/containers/json", server.Requests[1].Path);
    }

    [Fact]
    public async Task An_engine_older_than_API_1_41_is_refused_with_its_version_in_the_message()
    {
        await using var server = FakeEngineServer.Start([EngineResponses.Ping("1.40")], _timeout.Token);
                var exception = Assert.Throws<RindException>(() => DockerEngineClient.Connect(server.Endpoint, new SocketDialer(server.Endpoint), null, NullLogger.Instance));

        Assert.Contains($"the engine at unix://{server.SocketPath} speaks API 1.40, older than 1.41", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public async Task A_ping_answer_without_an_api_version_is_refused()
    {
        const string answer = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nOK";
        await using var server = FakeEngineServer.Start([answer], _timeout.Token);
                var exception = Assert.Throws<RindException>(() => DockerEngineClient.Connect(server.Endpoint, new SocketDialer(server.Endpoint), null, NullLogger.Instance));

        Assert.Contains("did not say which API version it speaks", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_ping_is_an_engine_error_with_the_engine_message()
    {
        await using var server = FakeEngineServer.Start(
            [EngineResponses.Json(500, "Internal Server Error", """{"message":"the daemon is shutting down"}""")],
            _timeout.Token);
                var exception = Assert.Throws<EngineRequestException>(() => DockerEngineClient.Connect(server.Endpoint, new SocketDialer(server.Endpoint), null, NullLogger.Instance));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, exception.StatusCode);
        Assert.Equal("the daemon is shutting down", exception.EngineMessage);
    }

    [Fact]
    public async Task A_requested_api_version_is_used_without_pinging_the_engine()
    {
        await using var server = FakeEngineServer.Start([EngineResponses.Json(200, "OK", "[]")], _timeout.Token);
        using var client = DockerEngineClient.Connect(server.Endpoint, new SocketDialer(server.Endpoint), new ApiVersion(1, 43), NullLogger.Instance);

        var version = client.Version;
        var requestsAfterConnecting = server.Requests.Count;
        client.ListContainersWithLabel("app.rind");

        Assert.Equal(new ApiVersion(1, 43), version);
        Assert.Equal(0, requestsAfterConnecting);
        Assert.Equal("/v1.43/containers/json", Assert.Single(server.Requests).Path);
    }

    public void Dispose() => _timeout.Dispose();
}
