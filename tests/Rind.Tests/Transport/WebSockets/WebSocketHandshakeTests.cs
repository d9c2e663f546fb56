using System.Text;
using Rind.Transport.Http;
using Rind.Transport.WebSockets;

namespace Rind.Tests.Transport.WebSockets;

/// <summary>Opening a WebSocket: the request's header fields and the check of the server's 101.</summary>
public sealed class WebSocketHandshakeTests
{
    private static readonly string[] Offered = ["v5.channel.k8s.io", "v4.channel.k8s.io"];

    [Fact]
    public void The_accept_value_is_the_one_of_the_rfc_example()
    {
        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketHandshake.AcceptFor("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    [Fact]
    public void Each_key_is_sixteen_fresh_random_bytes()
    {
        var first = WebSocketHandshake.NewKey();
        var second = WebSocketHandshake.NewKey();

        Assert.Equal(16, Convert.FromBase64String(first).Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void The_request_offers_the_subprotocols_in_order_with_version_13()
    {
        var headers = WebSocketHandshake.Headers("k==", Offered);

        Assert.Equal(
            [new("Sec-WebSocket-Key", "k=="), new("Sec-WebSocket-Version", "13"), new("Sec-WebSocket-Protocol", "v5.channel.k8s.io, v4.channel.k8s.io")],
            headers);
    }

    [Theory]
    [InlineData("v5.channel.k8s.io")]
    [InlineData("v4.channel.k8s.io")]
    public void The_subprotocol_the_server_names_is_the_one_agreed(string protocol)
    {
        var head = Head("websocket", WebSocketHandshake.AcceptFor("key"), protocol);

        Assert.Equal(protocol, WebSocketHandshake.Agreed(head, "key", Offered));
    }

    [Fact]
    public void An_accept_value_for_another_key_is_refused()
    {
        var head = Head("websocket", WebSocketHandshake.AcceptFor("other"), "v5.channel.k8s.io");

        var failure = Assert.Throws<InvalidDataException>(() => WebSocketHandshake.Agreed(head, "key", Offered));

        Assert.Contains("Sec-WebSocket-Accept", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_switch_to_another_protocol_is_refused()
    {
        var head = Head("SPDY/3.1", WebSocketHandshake.AcceptFor("key"), "v5.channel.k8s.io");

        var failure = Assert.Throws<InvalidDataException>(() => WebSocketHandshake.Agreed(head, "key", Offered));

        Assert.Contains("'SPDY/3.1' rather than to a WebSocket", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("channel.k8s.io")]
    public void A_subprotocol_that_was_not_offered_is_refused(string? protocol)
    {
        var head = Head("websocket", WebSocketHandshake.AcceptFor("key"), protocol);

        var failure = Assert.Throws<InvalidDataException>(() => WebSocketHandshake.Agreed(head, "key", Offered));

        Assert.Contains("none of the subprotocols offered", failure.Message, StringComparison.Ordinal);
    }

    private static HttpResponseHead Head(string upgrade, string accept, string? protocol) =>
        HttpResponseHead.Parse(Encoding.ASCII.GetBytes(
            $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: {upgrade}\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}" +
            (protocol is null ? "" : $"\r\nSec-WebSocket-Protocol: {protocol}")));
}
