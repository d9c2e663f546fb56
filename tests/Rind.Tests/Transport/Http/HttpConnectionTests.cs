using System.Text;
using Rind.Transport.Dialing;
using Rind.Transport.Http;

namespace Rind.Tests.Transport.Http;

public sealed class HttpConnectionTests
{
    [Fact]
    public void A_get_is_one_request_line_with_the_host_and_nothing_else()
    {
        var stream = new ScriptedConnectionStream("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        Connection(stream).Send(new HttpRequest("GET", "/_ping"), "localhost");

        Assert.Equal("GET /_ping HTTP/1.1\r\nHost: localhost\r\n\r\n", stream.Written);
    }

    [Fact]
    public void A_json_body_goes_with_its_type_and_length()
    {
        var stream = new ScriptedConnectionStream("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");

        Connection(stream).Send(new HttpRequest("POST", "/x") { JsonBody = "{\"a\":1}"u8.ToArray() }, "h");

        Assert.Equal(
            "POST /x HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}",
            stream.Written);
    }

    [Fact]
    public void A_post_without_a_body_says_its_length_is_zero()
    {
        var stream = new ScriptedConnectionStream("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        Connection(stream).Send(new HttpRequest("POST", "/resize?h=1&w=2"), "h");

        Assert.Contains("\r\nContent-Length: 0\r\n", stream.Written, StringComparison.Ordinal);
    }

    [Fact]
    public void An_upgrade_request_asks_for_a_tcp_stream()
    {
        var stream = new ScriptedConnectionStream("HTTP/1.1 101 UPGRADED\r\n\r\n");

        Connection(stream).Send(new HttpRequest("POST", "/start") { JsonBody = "{}"u8.ToArray(), Upgrade = "tcp" }, "h");

        Assert.Contains("\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n{}", stream.Written, StringComparison.Ordinal);
    }

    [Fact]
    public void Further_headers_follow_the_upgrade_in_their_order()
    {
        var stream = new ScriptedConnectionStream("HTTP/1.1 101 Switching Protocols\r\n\r\n");
        var request = new HttpRequest("GET", "/exec?command=true")
        {
            Upgrade = "websocket",
            Headers = [new("Authorization", "Bearer t0ken"), new("Sec-WebSocket-Version", "13")],
        };

        Connection(stream).Send(request, "api:6443");

        Assert.Equal(
            "GET /exec?command=true HTTP/1.1\r\nHost: api:6443\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n" +
            "Authorization: Bearer t0ken\r\nSec-WebSocket-Version: 13\r\n\r\n",
            stream.Written);
    }

    [Fact]
    public void A_connect_request_says_no_length()
    {
        var stream = new ScriptedConnectionStream("HTTP/1.1 200 Connection established\r\n\r\n");

        Connection(stream).Send(new HttpRequest("CONNECT", "api:6443"), "api:6443");

        Assert.Equal("CONNECT api:6443 HTTP/1.1\r\nHost: api:6443\r\n\r\n", stream.Written);
    }

    [Theory]
    [InlineData("Authorization", "Bearer a\nX-Injected: 1")]
    [InlineData("Authorization", "Bearer a\r")]
    [InlineData("Bad:Name", "v")]
    public void A_header_that_would_break_the_request_lines_is_refused_before_anything_is_sent(string name, string value)
    {
        var stream = new ScriptedConnectionStream("HTTP/1.1 200 OK\r\n\r\n");

        Assert.Throws<ArgumentException>(() => Connection(stream).Send(new HttpRequest("GET", "/") { Headers = [new(name, value)] }, "h"));

        Assert.Equal("", stream.Written);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_body_of_declared_length_is_read_exactly_and_leaves_the_connection_reusable(bool trickle)
    {
        var connection = Connection(new ScriptedConnectionStream("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello and more", trickle));

        var body = SendAndRead(connection);

        Assert.Equal("hello", body);
        Assert.True(connection.IsReusable);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_chunked_body_is_put_together_without_sizes_extensions_or_trailers(bool trickle)
    {
        var connection = Connection(new ScriptedConnectionStream(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" +
            "4\r\n[1,2\r\nA;name=value\r\n,3,4,5,6,7\r\n1\r\n]\r\n0\r\nTrailer: x\r\n\r\n",
            trickle));

        var body = SendAndRead(connection);

        Assert.Equal("[1,2,3,4,5,6,7]", body);
        Assert.True(connection.IsReusable);
    }

    [Fact]
    public void A_body_without_length_or_chunks_runs_to_the_end_of_the_connection_which_is_then_spent()
    {
        var connection = Connection(new ScriptedConnectionStream("HTTP/1.0 200 OK\r\n\r\neverything until the end"));

        var body = SendAndRead(connection);

        Assert.Equal("everything until the end", body);
        Assert.False(connection.IsReusable);
    }

    [Fact]
    public void An_answer_that_closes_the_connection_leaves_it_spent()
    {
        var connection = Connection(new ScriptedConnectionStream("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"));

        SendAndRead(connection);

        Assert.False(connection.IsReusable);
    }

    [Fact]
    public void An_interim_answer_is_skipped_for_the_real_one()
    {
        var connection = Connection(new ScriptedConnectionStream(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));

        var head = connection.Send(new HttpRequest("GET", "/"), "h");

        Assert.Equal(200, head.StatusCode);
    }

    [Fact]
    public void Bytes_that_came_with_the_upgrade_answer_are_read_first_from_the_upgraded_stream()
    {
        var connection = Connection(new ScriptedConnectionStream("HTTP/1.1 101 UPGRADED\r\nUpgrade: tcp\r\n\r\nearly|late", trickle: false));
        var head = connection.Send(new HttpRequest("POST", "/start") { JsonBody = "{}"u8.ToArray(), Upgrade = "tcp" }, "h");

        var upgraded = connection.TakeUpgradedStream();
        var text = new StreamReader(upgraded, Encoding.Latin1).ReadToEnd();

        Assert.Equal(101, head.StatusCode);
        Assert.Equal("early|late", text);
    }

    [Theory]
    [InlineData("", "without answering")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-", "inside the answer's head")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", "inside the answer's body")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", "inside the answer's body")]
    public void A_connection_that_ends_too_early_says_where(string script, string where)
    {
        var connection = Connection(new ScriptedConnectionStream(script));

        var exception = Assert.Throws<ResponseCutShortException>(() => SendAndRead(connection));

        Assert.Contains(where, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_that_ends_before_any_answer_says_so_without_naming_a_backend()
    {
        var connection = Connection(new ScriptedConnectionStream(""));

        var exception = Assert.Throws<ResponseCutShortException>(() => SendAndRead(connection));

        Assert.Equal("the server closed the connection without answering", exception.Message);
        Assert.True(exception.Unanswered);
    }

    [Fact]
    public void A_connection_that_ends_inside_the_answer_was_answered()
    {
        var connection = Connection(new ScriptedConnectionStream("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"));

        Assert.False(Assert.Throws<ResponseCutShortException>(() => SendAndRead(connection)).Unanswered);
    }

    [Fact]
    public void A_body_that_ends_before_its_announced_length_says_how_much_is_missing()
    {
        var connection = Connection(new ScriptedConnectionStream("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly this"));

        var exception = Assert.Throws<ResponseCutShortException>(() => SendAndRead(connection));

        Assert.Contains("991 of the 1000 bytes announced", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_announced_larger_than_the_limit_is_refused_before_a_byte_of_it_is_read()
    {
        var stream = new ScriptedConnectionStream("HTTP/1.1 200 OK\r\nContent-Length: 107374182400\r\n\r\n" + new string('x', 100));
        var connection = Connection(stream);

        var exception = Assert.Throws<ResponseTooLargeException>(() => SendAndRead(connection, maxLength: 64));

        Assert.Equal(64, exception.Limit);
        Assert.False(connection.IsReusable);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_chunked_body_is_refused_once_its_chunks_pass_the_limit(bool trickle)
    {
        var chunks = string.Concat(Enumerable.Repeat("10\r\n" + new string('x', 16) + "\r\n", 10));
        var connection = Connection(new ScriptedConnectionStream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks, trickle));

        Assert.Throws<ResponseTooLargeException>(() => SendAndRead(connection, maxLength: 100));
    }

    [Fact]
    public void A_body_up_to_the_limit_is_read()
    {
        var connection = Connection(new ScriptedConnectionStream("HTTP/1.1 200 OK\r\nContent-Length: 64\r\n\r\n" + new string('x', 64)));

        Assert.Equal(new string('x', 64), SendAndRead(connection, maxLength: 64));
    }

    [Fact]
    public void A_body_that_runs_to_the_end_of_the_connection_is_refused_past_the_limit()
    {
        var connection = Connection(new ScriptedConnectionStream("HTTP/1.0 200 OK\r\n\r\n" + new string('x', 65)));

        Assert.Throws<ResponseTooLargeException>(() => SendAndRead(connection, maxLength: 64));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n")]
    public void A_broken_chunked_body_is_invalid_data(string script)
    {
        var connection = Connection(new ScriptedConnectionStream(script));

        Assert.Throws<InvalidDataException>(() => SendAndRead(connection));
    }

    [Fact]
    public void A_head_that_never_ends_is_invalid_data_once_it_outgrows_the_buffer()
    {
        var connection = Connection(new ScriptedConnectionStream("HTTP/1.1 200 OK\r\nX: " + new string('x', 20_000)));

        Assert.Throws<InvalidDataException>(() => SendAndRead(connection));
    }

    private static HttpConnection Connection(Stream stream) => new(new DialedConnection(stream, () => { }));

    private static string SendAndRead(HttpConnection connection, long maxLength = 1024 * 1024)
    {
        var head = connection.Send(new HttpRequest("GET", "/"), "h");
        return Encoding.Latin1.GetString(connection.ReadBody(head, maxLength));
    }
}
