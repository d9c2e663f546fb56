using System.Text.Json.Serialization;
using Rind.Transport.Dialing;
using Rind.Transport.Http;

namespace Rind.Tests.Transport.Http;

public sealed partial class CallFailureTests
{
    private static readonly PlainWords Words = new();

    [Fact]
    public void A_call_that_runs_out_of_time_names_the_server_the_call_and_RIND_TIMEOUT()
    {
        var failure = Fail(new CallTimeoutException(TimeSpan.FromMilliseconds(2500)));

        Assert.Equal("the box at h did not answer the call within 2.5 s; it may be stuck or overloaded (RIND_TIMEOUT=SECONDS sets the limit)", failure.Message);
        Assert.IsType<CallTimeoutException>(failure.InnerException);
    }

    [Fact]
    public void A_server_that_cannot_be_reached_is_told_in_the_backends_words()
    {
        var failure = Fail(new TransportException("no route"));

        Assert.Equal("unreachable for the call: no route", failure.Message);
    }

    [Fact]
    public void A_response_larger_than_rind_reads_names_the_server_and_the_response()
    {
        var failure = Fail(new ResponseTooLargeException(64 * 1024 * 1024));

        Assert.Equal("the box at h sent the response to the call larger than 64 MiB, more than rind reads; it was not read", failure.Message);
    }

    [Fact]
    public void A_server_that_closes_the_connection_without_answering_is_named_by_its_kind()
    {
        var connection = new HttpConnection(new DialedConnection(new ScriptedConnectionStream(""), () => { }));

        var failure = Assert.Throws<RindException>(() => CallFailure.Guard(Words, "the call", () => connection.Send(new HttpRequest("GET", "/"), "h")));

        Assert.Equal("broke off the call (cut short): the box closed the connection without answering", failure.Message);
        Assert.DoesNotContain("engine", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_cut_short_says_where_in_the_transports_words()
    {
        var connection = new HttpConnection(new DialedConnection(new ScriptedConnectionStream("HTTP/1.1 200 OK\r\nContent-"), () => { }));

        var failure = Assert.Throws<RindException>(() => CallFailure.Guard(Words, "the call", () => connection.Send(new HttpRequest("GET", "/"), "h")));

        Assert.Equal("broke off the call (cut short): the connection ended inside the answer's head", failure.Message);
    }

    [Fact]
    public void A_broken_connection_gives_the_systems_words_and_says_it_was_not_cut_short()
    {
        var failure = Fail(new IOException("Connection reset by peer"));

        Assert.Equal("broke off the call: Connection reset by peer", failure.Message);
    }

    [Fact]
    public void A_response_that_is_not_http_is_garbled()
    {
        var connection = new HttpConnection(new DialedConnection(new ScriptedConnectionStream("SSH-2.0-OpenSSH_9.6\r\n\r\n"), () => { }));

        var failure = Assert.Throws<RindException>(() => CallFailure.Guard(Words, "the call", () => connection.Send(new HttpRequest("GET", "/"), "h")));

        Assert.StartsWith("garbled the call: ", failure.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidDataException>(failure.InnerException);
    }

    [Fact]
    public void What_the_call_returns_passes_through()
    {
        Assert.Equal(42, CallFailure.Guard(Words, "the call", () => 42));
    }

    [Fact]
    public void Another_failure_passes_through_unworded()
    {
        Assert.Throws<InvalidOperationException>(() => CallFailure.Guard<int>(Words, "the call", () => throw new InvalidOperationException()));
    }

    [Fact]
    public void A_json_body_is_read()
    {
        var read = CallFailure.ReadJson(Words, "the call", """{"Name":"web"}"""u8, TestJsonContext.Default.Named);

        Assert.Equal("web", read.Name);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{\"Name\":")]
    [InlineData("[]")]
    public void A_json_body_that_is_empty_or_broken_is_unreadable_in_the_backends_words(string body)
    {
        var failure = Assert.Throws<RindException>(() =>
            CallFailure.ReadJson(Words, "the call", System.Text.Encoding.UTF8.GetBytes(body), TestJsonContext.Default.Named));

        Assert.StartsWith("could not read the call (it is not the JSON rind expects", failure.Message, StringComparison.Ordinal);
    }

    internal sealed record Named(string Name);

    [JsonSerializable(typeof(Named))]
    private sealed partial class TestJsonContext : JsonSerializerContext;

    private static RindException Fail(Exception exception) =>
        Assert.Throws<RindException>(() => CallFailure.Guard<int>(Words, "the call", () => throw exception));

    /// <summary>Words that show which of them a failure was given.</summary>
    private sealed class PlainWords() : ServerWords("the box at h", "the box")
    {
        public override string Response(string call) => $"the response to {call}";

        public override string Unreachable(string call, TransportException failure) => $"unreachable for {call}: {failure.Message}";

        public override string BrokeOff(string call, string why, bool cutShort) => $"broke off {call}{(cutShort ? " (cut short)" : "")}: {why}";

        public override string Garbled(string call, string why) => $"garbled {call}: {why}";

        public override string Unreadable(string call, string why) => $"could not read {call} ({why})";
    }
}
