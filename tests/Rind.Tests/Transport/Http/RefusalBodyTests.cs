using System.Text;
using Rind.Transport.Http;

namespace Rind.Tests.Transport.Http;

public sealed class RefusalBodyTests
{
    [Theory]
    [InlineData("""{"message":"No such container: web"}""", "No such container: web")]
    [InlineData("""{"kind":"Status","status":"Failure","message":"pods is forbidden","code":403}""", "pods is forbidden")]
    [InlineData("""{"Message":"case does not matter"}""", "case does not matter")]
    public void The_servers_words_are_the_message_of_a_json_body(string body, string words)
    {
        Assert.Equal(words, RefusalBody.MessageOf(Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>\n", "<html><body>502 Bad Gateway</body></html>")]
    [InlineData("  upstream went away  ", "upstream went away")]
    [InlineData("""{"error":"no message field"}""", """{"error":"no message field"}""")]
    [InlineData("""{"message":""}""", """{"message":""}""")]
    [InlineData("null", "null")]
    public void Without_a_message_the_servers_words_are_the_bodys_text(string body, string words)
    {
        Assert.Equal(words, RefusalBody.MessageOf(Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n ")]
    public void An_empty_body_has_no_words(string body)
    {
        Assert.Null(RefusalBody.MessageOf(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void The_words_are_not_yet_made_safe_to_show()
    {
        Assert.Equal("no\n\u001b[31mred", RefusalBody.MessageOf("""{"message":"no\n\u001b[31mred"}"""u8));
    }
}
