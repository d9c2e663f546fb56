using System.Text;
using Rind.Engine.Http;
using Rind.Engine.Transport;

namespace Rind.Tests.Engine.Http;

public sealed class EngineHttpClientTests : IDisposable
{
    private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Calls_one_after_another_share_one_connection()
    {
        var dialer = new ScriptedDialer(Ok + Ok + Ok);
        using var client = new EngineHttpClient(dialer, "h");

        for (var call = 0; call < 3; call++)
        {
            await client.SendAsync("GET", "/", jsonBody: null, _timeout.Token);
        }

        Assert.Single(dialer.Streams);
    }

    [Fact]
    public async Task A_connection_the_engine_closed_while_idle_is_replaced_and_the_request_sent_again()
    {
        // The first connection answers once, then ends: the engine hung up on it while it was idle.
        var dialer = new ScriptedDialer(Ok, Ok);
        using var client = new EngineHttpClient(dialer, "h");
        await client.SendAsync("GET", "/first", jsonBody: null, _timeout.Token);

        var answer = await client.SendAsync("GET", "/second", jsonBody: null, _timeout.Token);

        Assert.Equal("ok", Encoding.ASCII.GetString(answer.Body));
        Assert.Equal(2, dialer.Streams.Count);
        Assert.True(dialer.Streams[0].IsDisposed);
        Assert.StartsWith("GET /second ", dialer.Streams[1].Written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fresh_connection_that_ends_without_an_answer_fails_without_trying_again()
    {
        var dialer = new ScriptedDialer("", Ok);
        using var client = new EngineHttpClient(dialer, "h");

        await Assert.ThrowsAsync<IOException>(() => client.SendAsync("GET", "/", jsonBody: null, _timeout.Token));

        Assert.Single(dialer.Streams);
    }

    [Fact]
    public async Task An_answer_that_closes_its_connection_makes_the_next_call_open_another()
    {
        var dialer = new ScriptedDialer("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", Ok);
        using var client = new EngineHttpClient(dialer, "h");

        await client.SendAsync("GET", "/", jsonBody: null, _timeout.Token);
        await client.SendAsync("GET", "/", jsonBody: null, _timeout.Token);

        Assert.Equal(2, dialer.Streams.Count);
        Assert.True(dialer.Streams[0].IsDisposed);
    }

    [Fact]
    public async Task An_upgrade_gets_a_connection_of_its_own()
    {
        var dialer = new ScriptedDialer(Ok + Ok, "HTTP/1.1 101 UPGRADED\r\n\r\n");
        using var client = new EngineHttpClient(dialer, "h");
        await client.SendAsync("GET", "/", jsonBody: null, _timeout.Token);

        var (head, connection) = await client.SendUpgradeAsync("/start", "{}"u8.ToArray(), _timeout.Token);
        using (connection)
        {
            await client.SendAsync("GET", "/", jsonBody: null, _timeout.Token);
        }

        Assert.Equal(101, head.StatusCode);
        Assert.Equal(2, dialer.Streams.Count);
    }

    /// <summary>Hands out one scripted connection per dial, in order.</summary>
    private sealed class ScriptedDialer(params string[] scripts) : IEngineDialer
    {
        public List<ScriptedConnectionStream> Streams { get; } = [];

        public ValueTask<EngineConnection> DialAsync(CancellationToken cancellationToken)
        {
            var stream = new ScriptedConnectionStream(scripts[Streams.Count]);
            Streams.Add(stream);
            return ValueTask.FromResult(new EngineConnection(stream, () => ValueTask.CompletedTask));
        }
    }
}
