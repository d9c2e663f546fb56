using System.Net;
using Moq;
using Rind.Diagnostics;
using Rind.Engine;
using Rind.Engine.Models;
using Rind.Tests.Fakes;

namespace Rind.Tests;

/// <summary>What rind writes to stderr when the engine's answers hold control characters.</summary>
public sealed class RindAppUntrustedTextTests : IDisposable
{
    private readonly Mock<IDockerEngine> _engine = new(MockBehavior.Strict);
    private readonly FakeStandardStreams _streams = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));

    public RindAppUntrustedTextTests()
    {
        _engine.Setup(e => e.ConnectAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new ApiVersion(1, 45));
        _engine.Setup(e => e.Dispose());
    }

    [Fact]
    public async Task A_failure_is_shown_with_its_control_characters_as_escapes()
    {
        _engine.Setup(e => e.ListContainersWithLabelAsync("app.rind", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RindException("the engine said \u001b]0;pwned\u0007\u009b2J\r"));

        var exitCode = await RunAsync("true");

        Assert.Equal(125, exitCode);
        Assert.Equal(@"rind: the engine said \x1b]0;pwned\x07\u009b2J\r" + "\n", _streams.ErrorText);
    }

    [Fact]
    public async Task A_refusal_of_the_engine_cannot_forge_a_line_of_rinds()
    {
        _engine.Setup(e => e.ListContainersWithLabelAsync("app.rind", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineRequestException(HttpStatusCode.InternalServerError, "no\nrind: all is well"));

        await RunAsync("true");

        Assert.Equal(@"rind: the engine refused a request: no\nrind: all is well" + "\n", _streams.ErrorText);
    }

    [Fact]
    public async Task With_verbose_a_hostile_name_pre_step_and_engine_message_each_stay_on_their_line()
    {
        var container = new ContainerSummary
        {
            Id = "c0ffee\u001b[2J",
            Names = ["/web\nrind: all is well"],
            State = "running",
            Labels = new Dictionary<string, string> { ["app.rind"] = "cd /app\u001b[31m\rrind: fine" },
        };
        _engine.Setup(e => e.ListContainersWithLabelAsync("app.rind", It.IsAny<CancellationToken>())).ReturnsAsync([container]);
        _engine.Setup(e => e.CreateExecAsync(container.Id, It.IsAny<ExecCreateRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineRequestException(HttpStatusCode.Conflict, "paused\u0007\nrind: ok"));

        var exitCode = await RunAsync("-v", "true");

        var lines = _streams.ErrorText.TrimEnd('\n').Split('\n');
        Assert.Equal(125, exitCode);
        Assert.Equal(5, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("rind: ", line, StringComparison.Ordinal));
        Assert.DoesNotContain(_streams.ErrorText, character => character != '\n' && UntrustedText.IsControl(character));
        Assert.Equal(@"rind: container web\nrind: all is well (c0ffee\x1b[2J) carries the label app.rind", lines[1]);
        Assert.Equal(@"rind: pre-step from the label: cd /app\x1b[31m\rrind: fine", lines[2]);
        Assert.Equal(@"rind: cannot run in container web\nrind: all is well: paused\x07\nrind: ok", lines[^1]);
    }

    public void Dispose() => _timeout.Dispose();

    private Task<int> RunAsync(params string[] args) =>
        new RindApp(
            _streams,
            new FakeTerminal(isTerminal: false),
            new FakeSignals(),
            new FakeEnvironment(("DOCKER_HOST", "unix:///run/rind-unit/docker.sock")),
            (_, _) => _engine.Object)
            .RunAsync(args, _timeout.Token);
}
