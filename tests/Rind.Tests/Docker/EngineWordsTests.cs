using Rind.Docker;
using Rind.Transport.Dialing;
using Rind.Transport.Http;

namespace Rind.Tests.Docker;

public sealed class EngineWordsTests
{
    private static readonly EngineEndpoint Engine = EngineEndpointParser.Parse("unix:///run/docker.sock");

    [Fact]
    public void An_engine_that_closes_the_connection_without_answering_is_said_to_have_broken_off_the_request()
    {
        var failure = Fail(new EngineWords(Engine, new HintingDialer(null)), new ResponseCutShortException("the server closed the connection without answering") { Unanswered = true });

        Assert.Equal("the engine at unix:///run/docker.sock broke off the request (the engine closed the connection without answering)", failure.Message);
    }

    [Fact]
    public void A_broken_connection_is_told_with_the_dialers_hint_and_without_the_systems_words()
    {
        var failure = Fail(new EngineWords(Engine, new HintingDialer("it may want a client certificate")), new IOException("Connection reset by peer"));

        Assert.Equal("the engine at unix:///run/docker.sock broke off the request: it may want a client certificate", failure.Message);
    }

    [Fact]
    public void The_dialers_words_for_an_engine_it_cannot_reach_are_passed_on_as_they_are()
    {
        var failure = Fail(new EngineWords(Engine, new HintingDialer(null)), new TransportException("cannot reach the Docker engine: check DOCKER_HOST"));

        Assert.Equal("cannot reach the Docker engine: check DOCKER_HOST", failure.Message);
    }

    [Fact]
    public void A_response_that_is_not_http_is_an_answer_rind_cannot_read()
    {
        var failure = Fail(new EngineWords(Engine, new HintingDialer(null)), new InvalidDataException("not HTTP"));

        Assert.Equal("the engine at unix:///run/docker.sock gave an answer rind cannot read (not HTTP)", failure.Message);
    }

    [Fact]
    public void A_response_too_large_is_an_answer_to_the_request()
    {
        var failure = Fail(new EngineWords(Engine, new HintingDialer(null)), new ResponseTooLargeException(64 * 1024 * 1024));

        Assert.Equal(
            "the engine at unix:///run/docker.sock sent an answer to GET /containers/json larger than 64 MiB, more than rind reads; it was not read",
            failure.Message);
    }

    private static RindException Fail(EngineWords words, Exception exception) =>
        Assert.Throws<RindException>(() => CallFailure.Guard<int>(words, "GET /containers/json", () => throw exception));

    private sealed class HintingDialer(string? hint) : IDialer
    {
        public string? FailureHint => hint;

        public DialedConnection Dial(RequestDeadline deadline) => throw new NotSupportedException();
    }
}
