using Microsoft.Extensions.Logging;
using Moq;
using Rind.Backends;
using Rind.Cli;
using Rind.Completion;
using Rind.Tests.Fakes;

namespace Rind.Tests.Completion;

/// <summary>One Tab: the candidates printed, or nothing at all, and always exit code 0.</summary>
public sealed class CompletionRunTests : IDisposable
{
    private readonly Mock<IBackendRegistry> _backends = new(MockBehavior.Strict);
    private readonly Mock<ICompletionSources> _sources = new(MockBehavior.Strict);
    private readonly FakeStandardStreams _streams = new();
    private readonly ManualResetEvent _release = new(initialState: false);

    public void Dispose()
    {
        _release.Set();
        _release.Dispose();
    }

    [Fact]
    public void The_candidates_are_printed_a_line_each_and_the_exit_code_is_0()
    {
        _sources.Setup(s => s.DockerContexts()).Returns(["remote", "default", "rootless"]);

        var exitCode = Run(new FakeEnvironment(), "--context", "r");

        Assert.Equal(0, exitCode);
        Assert.Equal("remote\nrootless\n", _streams.OutputText);
        Assert.Equal("", _streams.ErrorText);
    }

    [Fact]
    public void Descriptions_follow_their_candidates_after_a_tab()
    {
        var exitCode = Run(new FakeEnvironment(), "--verb");

        Assert.Equal(0, exitCode);
        Assert.Equal("--verbose\tLog which engine, container and exec are used\n", _streams.OutputText);
    }

    [Fact]
    public void Words_that_complete_nothing_print_nothing_and_exit_with_0()
    {
        var exitCode = Run(new FakeEnvironment(), "--bogus", "");

        Assert.Equal(0, exitCode);
        Assert.Equal("", _streams.OutputText);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_completer_that_fails_prints_nothing_and_exits_with_0(bool rindsOwn)
    {
        Exception failure = rindsOwn ? new RindException("cannot connect to the engine") : new InvalidOperationException("a bug");
        _backends.Setup(b => b.Open(It.IsAny<Invocation>(), It.IsAny<ILogger>())).Throws(failure);

        var exitCode = Run(new FakeEnvironment(), "-s", "");

        Assert.Equal(0, exitCode);
        Assert.Equal("", _streams.OutputText);
        Assert.Equal("", _streams.ErrorText);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_backend_that_does_not_answer_within_RIND_COMPLETION_TIMEOUT_prints_nothing_and_exits_with_0()
    {
        var backend = new Mock<IBackend>(MockBehavior.Strict);
        var finder = new Mock<ICandidateFinder>(MockBehavior.Strict);
        backend.Setup(b => b.Connect()).Callback(() => _release.WaitOne()).Returns(new BackendTraits("the engine", true, true, null));
        backend.Setup(b => b.Dispose());
        finder.Setup(f => f.Choices(ChoiceKind.Services)).Returns([new NamedChoice("web")]);
        _backends.Setup(b => b.Open(It.IsAny<Invocation>(), It.IsAny<ILogger>())).Returns(new OpenedBackend(backend.Object, finder.Object));

        var exitCode = await Task.Run(() => Run(new FakeEnvironment((CompletionDeadline.Variable, "0.2")), "-s", ""));

        Assert.Equal(0, exitCode);
        Assert.Equal("", _streams.OutputText);
        Assert.Equal("", _streams.ErrorText);
    }

    private int Run(FakeEnvironment environment, params string[] words) =>
        new CompletionRun(_streams, environment, new Completer(_backends.Object, _sources.Object, environment)).Run(words);
}
