using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Rind.Backends;
using Rind.Docker;
using Rind.Docker.Models;
using Rind.Execution;
using Rind.Tests.Fakes;

namespace Rind.Tests.Docker;

/// <summary>The detach keys the engine is given: rind's, the user's, or with no terminal ones input does not hold.</summary>
public sealed class DockerBackendDetachKeysTests
{
    private static readonly Candidate Container = new("c0ffee", "web", new RunSettings("label"));

    [Fact]
    public void A_terminal_session_gets_rinds_detach_keys()
    {
        Assert.Equal(DetachKeys.RindDefault, DetachKeysGiven(tty: true, configured: null));
    }

    [Fact]
    public void The_users_detach_keys_win()
    {
        Assert.Equal("ctrl-x,x", DetachKeysGiven(tty: true, configured: " ctrl-x,x "));
    }

    [Fact]
    public void Without_a_terminal_the_engine_is_given_detach_keys_that_input_does_not_hold_not_the_users()
    {
        // Podman watches input without a terminal too, and takes no sequence at all as its default Ctrl-P Ctrl-Q.
        var keys = DetachKeysGiven(tty: false, configured: "ctrl-x,x");

        Assert.Equal(DetachKeys.WithoutTerminal, keys);
        Assert.Equal(16, keys!.Split(',').Length);
        Assert.DoesNotContain("ctrl-p", keys, StringComparison.Ordinal);
    }

    private static string? DetachKeysGiven(bool tty, string? configured)
    {
        ExecCreateRequest? created = null;
        var engine = new Mock<IDockerEngine>(MockBehavior.Strict);
        engine.Setup(e => e.Version).Returns(new ApiVersion(1, 45));
        engine.Setup(e => e.Dispose());
        engine.Setup(e => e.CreateExec("c0ffee", It.IsAny<ExecCreateRequest>()))
            .Callback<string, ExecCreateRequest>((_, request) => created = request)
            .Returns("exec1");
        engine.Setup(e => e.StartExec("exec1", It.IsAny<ExecStartRequest>())).Returns(new FakeExecConnection([]).Stream);
        using var backend = new DockerBackend(() => engine.Object, () => configured, NullLogger.Instance);
        backend.Connect();

        using var process = backend.Start(Container, new ExecPlan(["sh"], tty, []), ProcessMarker.Create(), size: null);

        return created?.DetachKeys;
    }
}
