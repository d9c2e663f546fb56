using System.Net;
using Moq;
using Rind.Diagnostics;
using Rind.Docker;
using Rind.Docker.Models;
using Rind.Tests.Fakes;

namespace Rind.Tests;

/// <summary>What rind writes to stderr when the engine's answers hold control characters.</summary>
public sealed class RindAppUntrustedTextTests
{
    private readonly Mock<IDockerEngine> _engine = new(MockBehavior.Strict);
    private readonly FakeStandardStreams _streams = new();

    public RindAppUntrustedTextTests()
    {
        _engine.Setup(e => e.Version).Returns(new ApiVersion(1, 45));
        _engine.Setup(e => e.Dispose());
        _engine.Setup(e => e.ListContainersWithLabel("devcontainer.local_folder")).Returns([]);
    }

    [Fact]
    public void A_failure_is_shown_with_its_control_characters_as_escapes()
    {
        _engine.Setup(e => e.ListContainersWithLabel("app.rind"))
            .Throws(new RindException("the engine said \u001b]0;pwned\u0007\u009b2J\r"));

        var exitCode = Run("true");

        Assert.Equal(125, exitCode);
        Assert.Equal(@"rind: the engine said \x1b]0;pwned\x07\u009b2J\r" + "\n", _streams.ErrorText);
    }

    [Fact]
    public void A_refusal_of_the_engine_cannot_forge_a_line_of_rinds()
    {
        _engine.Setup(e => e.ListContainersWithLabel("app.rind"))
            .Throws(new EngineRequestException(HttpStatusCode.InternalServerError, "no\nrind: all is well"));

        Run("true");

        Assert.Equal(@"rind: the engine refused a request: no\nrind: all is well" + "\n", _streams.ErrorText);
    }

    [Fact]
    public void With_verbose_a_hostile_name_pre_step_and_engine_message_each_stay_on_their_line()
    {
        var container = new ContainerSummary
        {
            Id = "c0ffee\u001b[2J",
            Names = ["/web\nrind: all is well"],
            State = "running",
            Labels = new Dictionary<string, string> { ["app.rind"] = "cd /app\u001b[31m\rrind: fine" },
        };
        _engine.Setup(e => e.ListContainersWithLabel("app.rind")).Returns([container]);
        _engine.Setup(e => e.CreateExec(container.Id, It.IsAny<ExecCreateRequest>()))
            .Throws(new EngineRequestException(HttpStatusCode.Conflict, "paused\u0007\nrind: ok"));

        var exitCode = Run("-v", "true");

        var lines = _streams.ErrorText.TrimEnd('\n').Split('\n');
        Assert.Equal(125, exitCode);
        Assert.Equal(5, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("rind: ", line, StringComparison.Ordinal));
        Assert.DoesNotContain(_streams.ErrorText, character => character != '\n' && UntrustedText.IsControl(character));
        Assert.Equal(@"rind: container web\nrind: all is well (c0ffee\x1b[2J) carries the label app.rind", lines[1]);
        Assert.Equal(@"rind: pre-step from the label: cd /app\x1b[31m\rrind: fine", lines[2]);
        Assert.Equal(@"rind: cannot run in container web\nrind: all is well: paused\x07\nrind: ok", lines[^1]);
    }

    private int Run(params string[] args) =>
        new RindApp(
            _streams,
            new FakeTerminal(isTerminal: false),
            new FakeSignals(),
            Environment,
            new BackendRegistry(Environment, (_, _) => _engine.Object, (_, _) => throw new InvalidOperationException("these runs never ask for a cluster")))
            .Run(args);

    private static FakeEnvironment Environment => new(("DOCKER_HOST", "unix:///run/rind-unit/docker.sock"));
}
