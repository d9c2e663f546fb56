using System.Text;
using Rind.Transport.Dialing;
using Rind.Transport.Http;

namespace Rind.Tests.Transport.Http;

public sealed class Http1ClientTests
{
    private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    [Fact]
    public void Calls_one_after_another_share_one_connection()
    {
        var dialer = new ScriptedDialer(Ok + Ok + Ok);
        using var client = new Http1Client(dialer, "h", TimeSpan.FromSeconds(10));

        for (var call = 0; call < 3; call++)
        {
            client.Send("GET", "/", jsonBody: null);
        }

        Assert.Single(dialer.Streams);
    }

    [Fact]
    public void A_connection_the_engine_closed_while_idle_is_replaced_and_the_request_sent_again()
    {
        // The first connection answers once, then ends: the engine hung up on it while it was idle.
        var dialer = new ScriptedDialer(Ok, Ok);
        using var client = new Http1Client(dialer, "h", TimeSpan.FromSeconds(10));
        client.Send("GET", "/first", jsonBody: null);

        var answer = client.Send("GET", "/second", jsonBody: null);

        Assert.Equal("ok", Encoding.ASCII.GetString(answer.Body));
        Assert.Equal(2, dialer.Streams.Count);
        Assert.True(dialer.Streams[0].IsDisposed);
        Assert.StartsWith("GET /second ", dialer.Streams[1].Written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fresh_connection_that_ends_without_an_answer_fails_without_trying_again()
    {
        var dialer = new ScriptedDialer("", Ok);
        using var client = new Http1Client(dialer, "h", TimeSpan.FromSeconds(10));

        Assert.Throws<ResponseCutShortException>(() => client.Send("GET", "/", jsonBody: null));

        Assert.Single(dialer.Streams);
    }

    [Fact]
    public void An_answer_that_closes_its_connection_makes_the_next_call_open_another()
    {
        var dialer = new ScriptedDialer("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", Ok);
        using var client = new Http1Client(dialer, "h", TimeSpan.FromSeconds(10));

        client.Send("GET", "/", jsonBody: null);
        client.Send("GET", "/", jsonBody: null);

        Assert.Equal(2, dialer.Streams.Count);
        Assert.True(dialer.Streams[0].IsDisposed);
    }

    [Fact]
    public void An_upgrade_gets_a_connection_of_its_own()
    {
        var dialer = new ScriptedDialer(Ok + Ok, "HTTP/1.1 101 UPGRADED\r\n\r\n");
        using var client = new Http1Client(dialer, "h", TimeSpan.FromSeconds(10));
        client.Send("GET", "/", jsonBody: null);

        var response = client.Upgrade(new HttpRequest("POST", "/start") { JsonBody = "{}"u8.ToArray(), Upgrade = "tcp" });
        using (response.Stream)
        {
            client.Send("GET", "/", jsonBody: null);
        }

        Assert.Equal(101, response.Head.StatusCode);
        Assert.Equal(2, dialer.Streams.Count);
    }

    [Fact]
    public void An_upgrade_hands_over_the_switched_stream_with_what_came_along_with_the_switch()
    {
        var dialer = new ScriptedDialer("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\nfirst bytes");
        using var client = new Http1Client(dialer, "h", TimeSpan.FromSeconds(10));

        var response = client.Upgrade(new HttpRequest("GET", "/exec") { Upgrade = "websocket" });

        Assert.NotNull(response.Stream);
        Assert.Equal("first bytes", new StreamReader(response.Stream, Encoding.Latin1).ReadToEnd());
        Assert.Empty(response.Body);
    }

    [Fact]
    public void A_refused_upgrade_is_read_whole_and_its_connection_kept_for_the_next_call_when_asked()
    {
        var dialer = new ScriptedDialer("HTTP/1.1 403 Forbidden\r\nContent-Length: 9\r\n\r\nforbidden" + Ok);
        using var client = new Http1Client(dialer, "h", TimeSpan.FromSeconds(10));

        var response = client.Upgrade(new HttpRequest("GET", "/exec") { Upgrade = "websocket" }, reuse: true);
        var next = client.Send("GET", "/", jsonBody: null);

        Assert.Null(response.Stream);
        Assert.Equal(403, response.Head.StatusCode);
        Assert.Equal("forbidden", Encoding.ASCII.GetString(response.Body));
        Assert.Equal("ok", Encoding.ASCII.GetString(next.Body));
        Assert.Single(dialer.Streams);
    }

    [Fact]
    public void A_refused_upgrade_on_a_connection_of_its_own_closes_it()
    {
        var dialer = new ScriptedDialer(Ok, "HTTP/1.1 404 Not Found\r\nContent-Length: 7\r\n\r\nno exec", Ok);
        using var client = new Http1Client(dialer, "h", TimeSpan.FromSeconds(10));
        client.Send("GET", "/", jsonBody: null);

        var response = client.Upgrade(new HttpRequest("POST", "/start") { JsonBody = "{}"u8.ToArray(), Upgrade = "tcp" });

        Assert.Equal("no exec", Encoding.ASCII.GetString(response.Body));
        Assert.Equal(2, dialer.Streams.Count);
        Assert.True(dialer.Streams[1].IsDisposed);
        Assert.False(dialer.Streams[0].IsDisposed);
    }

    /// <summary>Hands out one scripted connection per dial, in order.</summary>
    private sealed class ScriptedDialer(params string[] scripts) : IDialer
    {
        public List<ScriptedConnectionStream> Streams { get; } = [];

        public DialedConnection Dial(RequestDeadline deadline)
        {
            var stream = new ScriptedConnectionStream(scripts[Streams.Count]);
            Streams.Add(stream);
            return new DialedConnection(stream, () => { });
        }
    }
}
