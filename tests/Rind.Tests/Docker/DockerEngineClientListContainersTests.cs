using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Rind.Docker;
using Rind.Docker.Dialing;

namespace Rind.Tests.Docker;

public sealed class DockerEngineClientListContainersTests : IDisposable
{
    private const string TwoContainers = """
        [
          {
            "Id": "8dfafdbc3a40e3a1b1fd0ef8c3b8b1c0a6e4f1bb1d4b1a3c2e9f0d7c6b5a4f3e",
            "Names": ["/proj-web-1"],
            "Image": "nginx:1.27",
            "Command": "nginx -g 'daemon off;'",
            "Created": 1718000000,
            "Ports": [{"PrivatePort": 80, "Type": "tcp"}],
            "Labels": {"app.rind": "", "com.docker.compose.service": "web"},
            "State": "running",
            "Status": "Up 3 minutes",
            "HostConfig": {"NetworkMode": "proj_default"},
            "Mounts": []
          },
          {
            "Id": "9e0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b",
            "Names": ["/proj-worker-1"],
            "Image": "worker:latest",
            "Labels": {"app.rind": "bundle exec"},
            "State": "exited",
            "Status": "Exited (137) 2 hours ago"
          }
        ]
        """;

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task The_list_asks_for_containers_in_any_state_with_the_label_as_a_url_encoded_filter()
    {
        await using var server = FakeEngineServer.Start([EngineResponses.Json(200, "OK", "[]")], _timeout.Token);
        using var client = ConnectedClient(server);

        client.ListContainersWithLabel("app.rind");

        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1.45/containers/json", request.Path);
        Assert.Equal("1", request.RawQueryValue("all"));
        var filters = request.RawQueryValue("filters");
        Assert.NotNull(filters);
        Assert.DoesNotContain(filters, character => "{}[]\":".Contains(character, StringComparison.Ordinal));
        Assert.Equal("""{"label":["app.rind"]}""", Uri.UnescapeDataString(filters));
    }

    [Fact]
    public async Task A_label_with_quotes_stays_one_json_string_inside_the_filter()
    {
        await using var server = FakeEngineServer.Start([EngineResponses.Json(200, "OK", "[]")], _timeout.Token);
        using var client = ConnectedClient(server);

        client.ListContainersWithLabel("say \"hi\"");

        var filters = Assert.Single(server.Requests).RawQueryValue("filters");
        Assert.NotNull(filters);
        using var decoded = JsonDocument.Parse(Uri.UnescapeDataString(filters));
        var labels = decoded.RootElement.GetProperty("label").EnumerateArray().Select(label => label.GetString());
        Assert.Equal(["say \"hi\""], labels);
    }

    [Fact]
    public async Task The_engine_answer_is_read_into_container_summaries()
    {
        await using var server = FakeEngineServer.Start([EngineResponses.Json(200, "OK", TwoContainers)], _timeout.Token);
        using var client = ConnectedClient(server);

        var containers = client.ListContainersWithLabel("app.rind");

        Assert.Equal(2, containers.Count);
        var web = containers[0];
        Assert.Equal("8dfafdbc3a40e3a1b1fd0ef8c3b8b1c0a6e4f1bb1d4b1a3c2e9f0d7c6b5a4f3e", web.Id);
        Assert.Equal(["/proj-web-1"], web.Names);
        Assert.Equal("proj-web-1", web.DisplayName);
        Assert.Equal("running", web.State);
        Assert.True(web.IsRunning);
        Assert.Equal("Up 3 minutes", web.Status);
        Assert.NotNull(web.Labels);
        Assert.Equal("", web.Labels["app.rind"]);
        Assert.Equal("web", web.Labels["com.docker.compose.service"]);
        var worker = containers[1];
        Assert.Equal("exited", worker.State);
        Assert.False(worker.IsRunning);
        Assert.Equal("Exited (137) 2 hours ago", worker.Status);
        Assert.NotNull(worker.Labels);
        Assert.Equal("bundle exec", worker.Labels["app.rind"]);
    }

    [Fact]
    public async Task An_answer_that_is_not_a_list_is_reported_as_unreadable()
    {
        await using var server = FakeEngineServer.Start(
            [EngineResponses.Json(200, "OK", """{"message":"not a list"}""")],
            _timeout.Token);
        using var client = ConnectedClient(server);

        var exception = Assert.Throws<RindException>(
            () => client.ListContainersWithLabel("app.rind"));

        Assert.Contains($"the engine at unix://{server.SocketPath} gave an answer rind cannot read", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _timeout.Dispose();

    private DockerEngineClient ConnectedClient(FakeEngineServer server)
    {
        var client = DockerEngineClient.Connect(server.Endpoint, new SocketDialer(server.Endpoint), new ApiVersion(1, 45), NullLogger.Instance);
        return client;
    }
}
