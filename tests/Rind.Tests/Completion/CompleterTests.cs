using System.Text;
using Microsoft.Extensions.Logging;
using Moq;
using Rind.Backends;
using Rind.Cli;
using Rind.Completion;
using Rind.Execution;
using Rind.Platform;
using Rind.Tests.Fakes;

namespace Rind.Tests.Completion;

/// <summary>Where the candidates of each kind of word come from: rind's options, the backend, the sources, the container.</summary>
public sealed class CompleterTests : IDisposable
{
    private static readonly BackendTraits Traits = new("the engine", SizesTerminalAtStart: true, ReportsStartFailures: true, Notices: null);

    private readonly Mock<IBackendRegistry> _backends = new(MockBehavior.Strict);
    private readonly Mock<IBackend> _backend = new(MockBehavior.Strict);
    private readonly Mock<ICandidateFinder> _finder = new(MockBehavior.Strict);
    private readonly Mock<ICompletionSources> _sources = new(MockBehavior.Strict);
    private readonly Mock<IExecProcess> _process = new(MockBehavior.Strict);
    private readonly ScriptedChunkReader _output = new();
    private readonly FakeEnvironment _environment = new() { CurrentDirectory = "/home/me/shop/app" };
    private readonly List<string> _calls = [];
    private Invocation? _opened;
    private FindCriteria? _criteria;
    private ExecPlan? _plan;

    public void Dispose() => _output.Dispose();

    [Fact]
    public void Option_names_are_each_of_rinds_options_long_and_short_with_its_summary()
    {
        var candidates = Complete("-");

        foreach (var option in InvocationParser.Options)
        {
            Assert.Contains(new CompletionCandidate("--" + option.LongName, option.Summary), candidates);
            if (option.ShortName is { } letter)
            {
                Assert.Contains(new CompletionCandidate($"-{letter}", option.Summary), candidates);
            }
        }

        Assert.Equal(InvocationParser.Options.Count + InvocationParser.Options.Count(o => o.ShortName is not null), candidates.Count);
        Assert.All(candidates, candidate => Assert.False(string.IsNullOrWhiteSpace(candidate.Description)));
        _backends.Verify(b => b.Open(It.IsAny<Invocation>(), It.IsAny<ILogger>()), Times.Never);
    }

    [Theory]
    [InlineData("-s", nameof(ChoiceKind.Services))]
    [InlineData("--service", nameof(ChoiceKind.Services))]
    [InlineData("-c", nameof(ChoiceKind.Containers))]
    [InlineData("--container", nameof(ChoiceKind.Containers))]
    public void Service_and_container_names_come_from_the_finder_after_the_backend_connects(string option, string kindName)
    {
        var kind = Enum.Parse<ChoiceKind>(kindName);
        AllowBackend();
        _finder.Setup(f => f.Choices(kind)).Callback(() => _calls.Add("choices")).Returns([new NamedChoice("web", "project shop"), new NamedChoice("worker")]);

        var candidates = Complete(option, "");

        Assert.Equal([new CompletionCandidate("web", "project shop"), new CompletionCandidate("worker")], candidates);
        Assert.Equal(["connect", "choices", "dispose"], _calls);
        Assert.False(_opened?.Kube);
    }

    [Fact]
    public void The_options_before_the_word_choose_the_backend_asked()
    {
        AllowBackend();
        _finder.Setup(f => f.Choices(ChoiceKind.Containers)).Returns([]);

        Complete("-H", "tcp://engine:2375", "-c", "");

        Assert.Equal("tcp://engine:2375", _opened?.Host);
    }

    [Theory]
    [InlineData("-n")]
    [InlineData("--namespace")]
    public void Namespaces_come_from_the_cluster_even_without_kube(string option)
    {
        AllowBackend();
        _finder.Setup(f => f.Choices(ChoiceKind.Namespaces)).Callback(() => _calls.Add("choices")).Returns([new NamedChoice("default"), new NamedChoice("shop")]);

        var candidates = Complete(option, "");

        Assert.Equal([new CompletionCandidate("default"), new CompletionCandidate("shop")], candidates);
        Assert.True(_opened?.Kube);
        Assert.Equal(["connect", "choices", "dispose"], _calls);
    }

    [Fact]
    public void Docker_contexts_come_from_the_sources_and_no_backend_is_opened()
    {
        _sources.Setup(s => s.DockerContexts()).Returns(["default", "remote"]);

        var candidates = Complete("--context", "");

        Assert.Equal([new CompletionCandidate("default"), new CompletionCandidate("remote")], candidates);
        _backends.Verify(b => b.Open(It.IsAny<Invocation>(), It.IsAny<ILogger>()), Times.Never);
    }

    [Fact]
    public void Kubeconfig_contexts_come_from_the_sources_and_no_backend_is_opened()
    {
        _sources.Setup(s => s.KubeContexts()).Returns(["dev", "prod"]);

        var candidates = Complete("--kube-context", "");

        Assert.Equal([new CompletionCandidate("dev"), new CompletionCandidate("prod")], candidates);
        _backends.Verify(b => b.Open(It.IsAny<Invocation>(), It.IsAny<ILogger>()), Times.Never);
    }

    [Fact]
    public void The_completion_option_takes_the_shells_with_a_script()
    {
        Assert.Equal(["bash", "zsh", "fish"], Complete("--completion", "").Select(c => c.Value));
    }

    [Theory]
    [InlineData("-u")]
    [InlineData("-w")]
    [InlineData("-e")]
    [InlineData("-H")]
    public void An_option_whose_values_nobody_knows_completes_nothing_and_opens_nothing(string option)
    {
        Assert.Empty(Complete(option, ""));
        _backends.Verify(b => b.Open(It.IsAny<Invocation>(), It.IsAny<ILogger>()), Times.Never);
    }

    [Theory]
    [InlineData("--service=w", "--service=")]
    [InlineData("-sw", "-s")]
    public void The_values_lead_goes_before_each_value(string word, string lead)
    {
        AllowBackend();
        _finder.Setup(f => f.Choices(ChoiceKind.Services)).Returns([new NamedChoice("web", "project shop"), new NamedChoice("worker")]);

        var candidates = Complete(word);

        Assert.Equal([new CompletionCandidate(lead + "web", "project shop"), new CompletionCandidate(lead + "worker")], candidates);
    }

    [Fact]
    public void The_completion_options_lead_goes_before_each_shell()
    {
        Assert.Equal(["--completion=bash", "--completion=zsh", "--completion=fish"], Complete("--completion=").Select(c => c.Value));
    }

    [Fact]
    public void A_word_of_django_runs_manage_py_once_asking_for_its_completion()
    {
        AllowExec(new Candidate("c0ffee", "shop-web-1", new RunSettings("label")));
        Send(StreamKind.Stdout, "migrate makemigrations\n");

        var candidates = Complete("-s", "web", "./manage.py", "mig");

        Assert.Equal(["migrate", "makemigrations"], candidates.Select(c => c.Value));
        _backend.Verify(b => b.Start(It.IsAny<Candidate>(), It.IsAny<ExecPlan>(), It.IsAny<ProcessMarker>(), null), Times.Once);
        Assert.Equal(["./manage.py"], _plan?.Argv);
        Assert.Equal(["DJANGO_AUTO_COMPLETE=1", "COMP_WORDS=manage.py mig", "COMP_CWORD=1"], _plan?.Environment);
        Assert.False(_plan?.Tty);
        Assert.False(_plan?.HasInput);
        Assert.Equal("web", _criteria?.Service);
        Assert.Equal("/home/me/shop/app", _criteria?.CurrentDirectory);
    }

    [Fact]
    public void The_command_runs_where_a_run_would_with_the_variables_of_e_before_the_querys()
    {
        var settings = new RunSettings("label") { Folders = [new FolderMapping("/home/me/shop", "/code")], User = "app" };
        AllowExec(new Candidate("c0ffee", "shop-web-1", settings));

        Complete("-e", "A=1", "manage.py", "");

        Assert.Equal(["A=1", "DJANGO_AUTO_COMPLETE=1", "COMP_WORDS=manage.py ", "COMP_CWORD=1"], _plan?.Environment);
        Assert.Equal("/code/app", _plan?.WorkingDirectory);
        Assert.Equal("app", _plan?.User);
    }

    [Fact]
    public void The_command_name_runs_the_listing_of_commands_as_the_query_says()
    {
        AllowExec(new Candidate("c0ffee", "shop-web-1", new RunSettings("label")));
        Send(StreamKind.Stdout, "python3\0python3.11\0");

        var candidates = Complete("pyth");

        Assert.NotNull(_plan);
        Assert.Equal(ContainerQuery.For([], "pyth").Argv, _plan.Argv);
        Assert.Empty(_plan.Environment);
        Assert.Equal(["python3", "python3.11"], candidates.Select(c => c.Value));
    }

    [Fact]
    public void The_pre_step_of_the_candidate_runs_before_the_query()
    {
        AllowExec(new Candidate("c0ffee", "shop-web-1", new RunSettings("label") { PreStep = "source /venv/bin/activate" }));

        Complete("ls", "ma");

        Assert.NotNull(_plan);
        Assert.Equal(["/bin/sh", "-c"], _plan.Argv.Take(2));
        Assert.Contains("command eval 'source /venv/bin/activate'", _plan.Argv[2], StringComparison.Ordinal);
        Assert.Equal(["rind", .. ContainerQuery.For(["ls"], "ma").Argv], _plan.Argv.Skip(3));
        _backend.Verify(b => b.Start(It.IsAny<Candidate>(), It.IsAny<ExecPlan>(), It.IsAny<ProcessMarker>(), null), Times.Once);
    }

    [Fact]
    public void Only_stdout_is_read_and_stderr_is_passed_over()
    {
        AllowExec(new Candidate("c0ffee", "shop-web-1", new RunSettings("label")));
        Send(StreamKind.Stderr, "Traceback (most recent call last):\n");
        Send(StreamKind.Stdout, "migrate ");
        Send(StreamKind.Stderr, "oops\n");
        Send(StreamKind.Stdout, "shell\n");

        var candidates = Complete("manage.py", "");

        Assert.Equal(["migrate", "shell"], candidates.Select(c => c.Value));
    }

    [Fact]
    public void The_listing_is_split_at_each_nul_so_names_keep_their_spaces()
    {
        AllowExec(new Candidate("c0ffee", "shop-web-1", new RunSettings("label")));
        Send(StreamKind.Stdout, "mana");
        Send(StreamKind.Stdout, "ge.py\0mysite/\0my file\0");

        var candidates = Complete("cat", "m");

        Assert.Equal(["manage.py", "mysite/", "my file"], candidates.Select(c => c.Value));
    }

    [Fact]
    public void Djangos_words_are_split_at_blanks_and_line_ends()
    {
        AllowExec(new Candidate("c0ffee", "shop-web-1", new RunSettings("label")));
        Send(StreamKind.Stdout, "check\tmigrate\r\nshell  sqlmigrate\n");

        var candidates = Complete("manage.py", "");

        Assert.Equal(["check", "migrate", "shell", "sqlmigrate"], candidates.Select(c => c.Value));
    }

    [Fact]
    public void Output_beyond_MaxAnswerBytes_is_not_read()
    {
        var endless = new EndlessOutput(chunk: 4096);
        AllowExec(new Candidate("c0ffee", "shop-web-1", new RunSettings("label")), endless);

        var candidates = Complete("cat", "");

        Assert.Equal(Completer.MaxAnswerBytes / 4096, endless.Reads);
        Assert.Equal(Completer.MaxAnswerBytes / 4096, candidates.Count);
    }

    [Theory]
    [InlineData("cat")]
    [InlineData("manage.py")]
    public void A_word_cut_off_at_MaxAnswerBytes_is_no_candidate(string command)
    {
        var separator = command == "cat" ? (byte)0 : (byte)' ';
        var endless = new EndlessOutput(chunk: 3000, separator);
        AllowExec(new Candidate("c0ffee", "shop-web-1", new RunSettings("label")), endless);

        var candidates = Complete(command, "");

        Assert.NotEmpty(candidates);
        Assert.All(candidates, candidate => Assert.Equal(2999, candidate.Value.Length));
    }

    [Fact]
    public void A_refusal_of_the_backend_is_thrown_to_the_caller()
    {
        AllowBackend();
        _finder.Setup(f => f.Find(It.IsAny<FindCriteria>())).Throws(new RindException("no container carries the label app.rind"));

        Assert.Throws<RindException>(() => Complete("ls", ""));
        _backend.Verify(b => b.Start(It.IsAny<Candidate>(), It.IsAny<ExecPlan>(), It.IsAny<ProcessMarker>(), It.IsAny<TerminalSize?>()), Times.Never);
    }

    private IReadOnlyList<CompletionCandidate> Complete(params string[] words)
    {
        _output.End();
        return new Completer(_backends.Object, _sources.Object, _environment).Complete(CompletionRequestParser.Parse(words));
    }

    private void AllowBackend()
    {
        _backends.Setup(b => b.Open(It.IsAny<Invocation>(), It.IsAny<ILogger>()))
            .Callback<Invocation, ILogger>((invocation, _) => _opened = invocation)
            .Returns(() => new OpenedBackend(_backend.Object, _finder.Object));
        _backend.Setup(b => b.Connect()).Callback(() => _calls.Add("connect")).Returns(Traits);
        _backend.Setup(b => b.Dispose()).Callback(() => _calls.Add("dispose"));
    }

    private void AllowExec(Candidate target, IChunkReader? output = null)
    {
        AllowBackend();
        _finder.Setup(f => f.Find(It.IsAny<FindCriteria>())).Callback<FindCriteria>(criteria => _criteria = criteria).Returns(target);
        _backend.Setup(b => b.Start(target, It.IsAny<ExecPlan>(), It.IsAny<ProcessMarker>(), It.IsAny<TerminalSize?>()))
            .Callback<Candidate, ExecPlan, ProcessMarker, TerminalSize?>((_, plan, _, _) => _plan = plan)
            .Returns(_process.Object);
        _process.Setup(p => p.Output).Returns(output ?? _output);
        _process.Setup(p => p.Dispose());
    }

    /// <summary>Sends a piece of the command's output, which ends when the completion starts.</summary>
    private void Send(StreamKind kind, string text) => _output.Send(kind, Encoding.UTF8.GetBytes(text));

    /// <summary>Output that never ends: chunks of 'a's each ended by the separator, a NUL unless told, counted as they are read.</summary>
    private sealed class EndlessOutput(int chunk, byte separator = 0) : IChunkReader
    {
        /// <summary>Far past any bound: a reader that got this far would never have stopped.</summary>
        private const int MostReads = 10_000;

        public int Reads { get; private set; }

        public OutputChunk Read(Span<byte> buffer)
        {
            if (++Reads > MostReads)
            {
                throw new InvalidOperationException("the output was read past any bound");
            }

            var piece = buffer[..chunk];
            piece.Fill((byte)'a');
            piece[^1] = separator;
            return new OutputChunk(StreamKind.Stdout, chunk);
        }
    }
}
