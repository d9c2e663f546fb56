using System.Text;
using Rind.Transport.Http;

namespace Rind.Tests.Transport.Http;

public sealed class HttpResponseHeadTests
{
    [Fact]
    public void The_status_code_and_headers_are_read_with_names_in_any_case()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nApi-Version: 1.47\r\ncontent-length: 2");

        Assert.Equal(200, head.StatusCode);
        Assert.Equal("1.47", head.Header("api-version"));
        Assert.Equal(2, head.ContentLength);
        Assert.True(head.IsSuccess);
    }

    [Fact]
    public void A_header_given_twice_has_both_values()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nVary: a\r\nVary: b");

        Assert.Equal("a, b", head.Header("Vary"));
    }

    [Fact]
    public void Values_lose_the_spaces_around_them_but_keep_those_inside()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nServer:   Docker/28.2 (linux)  ");

        Assert.Equal("Docker/28.2 (linux)", head.Header("Server"));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK", true)]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close", false)]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: Keep-Alive, Close", false)]
    [InlineData("HTTP/1.0 200 OK", false)]
    [InlineData("HTTP/1.0 200 OK\r\nConnection: keep-alive", true)]
    public void The_connection_stays_open_unless_the_answer_says_otherwise(string text, bool keepsOpen)
    {
        Assert.Equal(keepsOpen, Parse(text).KeepsConnectionOpen);
    }

    [Theory]
    [InlineData("Transfer-Encoding: chunked", true)]
    [InlineData("Transfer-Encoding: gzip, Chunked", true)]
    [InlineData("Content-Length: 5", false)]
    public void A_chunked_body_is_recognised_among_other_codings(string header, bool chunked)
    {
        Assert.Equal(chunked, Parse($"HTTP/1.1 200 OK\r\n{header}").IsChunked);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(204)]
    [InlineData(304)]
    public void Some_answers_never_have_a_body(int status)
    {
        Assert.True(Parse($"HTTP/1.1 {status} X\r\nContent-Length: 5").HasNoBody);
    }

    [Fact]
    public void A_status_line_without_a_reason_is_accepted()
    {
        Assert.Equal(404, Parse("HTTP/1.1 404").StatusCode);
    }

    [Theory]
    [InlineData("SSH-2.0-OpenSSH_9.2")]
    [InlineData("HTTP/2 200 OK")]
    [InlineData("HTTP/1.1 20 OK")]
    [InlineData("HTTP/1.1 abc OK")]
    [InlineData("HTTP/1.1 200 OK\r\nno colon here")]
    [InlineData("HTTP/1.1 200 OK\r\n: no name")]
    public void What_is_not_an_HTTP_1_answer_is_invalid_data(string text)
    {
        Assert.Throws<InvalidDataException>(() => Parse(text));
    }

    [Fact]
    public void A_content_length_that_is_not_a_number_is_invalid_data()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nContent-Length: -1");

        Assert.Throws<InvalidDataException>(() => head.ContentLength);
    }

    [Fact]
    public void A_status_line_that_is_not_one_is_quoted_with_its_control_characters_as_escapes()
    {
        var exception = Assert.Throws<InvalidDataException>(() => Parse("\u001b]0;pwned\u0007\u009b2J"));

        Assert.Equal(@"the answer does not begin with an HTTP/1.x status line: '\x1b]0;pwned\x07\u009b2J'", exception.Message);
    }

    [Fact]
    public void A_header_line_without_a_name_is_quoted_bounded_and_with_its_control_characters_as_escapes()
    {
        var exception = Assert.Throws<InvalidDataException>(() => Parse("HTTP/1.1 200 OK\r\n\u001b[2J" + new string('x', 500)));

        Assert.Equal($"the answer has a header line without a name: '\\x1b[2J{new string('x', 76)}…'", exception.Message);
    }

    [Fact]
    public void A_content_length_that_is_not_one_is_quoted_with_its_control_characters_as_escapes()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nContent-Length: 1\u0007\n2");

        var exception = Assert.Throws<InvalidDataException>(() => head.ContentLength);

        Assert.Equal(@"the answer's Content-Length '1\x07\n2' is not a length", exception.Message);
    }

    private static HttpResponseHead Parse(string text) => HttpResponseHead.Parse(Encoding.Latin1.GetBytes(text));
}
