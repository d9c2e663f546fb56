using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Rind.Backends;
using Rind.Execution;
using Rind.Kubernetes;
using Rind.Kubernetes.Api;
using Rind.Platform;

namespace Rind.Tests.Kubernetes;

public sealed class KubernetesBackendTests
{
    private static readonly ClusterAccess Access = new(new Uri("https://cluster.test:6443"), "dev", "shop", Mock.Of<IClusterCredentials>());
    private static readonly Candidate Pod = new("web-7d4f", "web-7d4f", new RunSettings("annotation")) { Container = "app" };
    private static readonly ProcessMarker Marker = new("f00d");

    private readonly Mock<IKubernetesApi> _api = new();
    private readonly Mock<IPodExecProcess> _process = new();

    public KubernetesBackendTests()
    {
        _process.Setup(process => process.Output).Returns(Mock.Of<IChunkReader>());
        _process.Setup(process => process.CanCloseInput).Returns(true);
        _api.Setup(api => api.OpenExec(It.IsAny<PodExecRequest>())).Returns(_process.Object);
    }

    [Fact]
    public void Its_finder_lists_the_pods_of_the_namespace_that_carry_the_label()
    {
        _api.Setup(api => api.ListPods("shop", "app.rind")).Returns([new PodSummary("web-7d4f", "Running", true, false, ["app"])]);
        using var backend = Backend();

        var chosen = backend.Pods.Find(new FindCriteria("web", null, null));

        Assert.Equal("web-7d4f", chosen.Id);
        _api.Verify(api => api.ListPods("shop", "app.rind"), Times.Once);
    }

    [Fact]
    public void Connecting_asks_nothing_of_the_server_and_says_the_terminal_is_sized_after_the_start()
    {
        using var backend = Backend();

        var traits = backend.Connect();

        Assert.Equal(new BackendTraits("the cluster", SizesTerminalAtStart: false, ReportsStartFailures: false, Notices: null), traits);
        _api.VerifyNoOtherCalls();
    }

    [Fact]
    public void Starting_opens_an_exec_in_the_pods_container_with_the_environment_in_front_of_the_argv()
    {
        using var backend = Backend();
        var plan = new ExecPlan(["echo", "a b"], Tty: false, ["A=1"]) { HasInput = false };

        backend.Start(Pod, plan, Marker, size: null);

        _api.Verify(api => api.OpenExec(It.Is<PodExecRequest>(request =>
            request.Namespace == "shop" && request.Pod == "web-7d4f" && request.Container == "app" && !request.Stdin && !request.Tty
            && request.Command.SequenceEqual(new[] { "env", "--", "RIND_SESSION=f00d", "A=1", "echo", "a b" }))));
    }

    [Fact]
    public void Piped_input_makes_the_command_wait_for_rinds_go_ahead_which_follows_once_its_end_can_be_told()
    {
        using var backend = Backend();
        var plan = new ExecPlan(["cat"], Tty: false, []);
        var process = new RecordingPodExecProcess(canCloseInput: true);
        _api.Setup(api => api.OpenExec(It.IsAny<PodExecRequest>())).Returns(process);

        backend.Start(Pod, plan, Marker, size: null);

        _api.Verify(api => api.OpenExec(It.Is<PodExecRequest>(request =>
            request.Stdin && request.Command.Take(4).SequenceEqual(new[] { "/bin/sh", "-c", """IFS= read -r rind_go || exit 0; exec "$@" """, "rind" })
            && request.Command.Skip(4).SequenceEqual(new[] { "env", "--", "RIND_SESSION=f00d", "cat" }))));
        Assert.Equal("\n"u8.ToArray(), process.Input);
        Assert.False(process.Disposed);
    }

    [Fact]
    public void Piped_input_where_only_websocket_v4_serves_is_refused_in_one_line_and_the_command_never_gets_the_go_ahead()
    {
        var process = new RecordingPodExecProcess(canCloseInput: false);
        _api.Setup(api => api.OpenExec(It.IsAny<PodExecRequest>())).Returns(process);
        using var backend = Backend();
        var plan = new ExecPlan(["cat"], Tty: false, []);

        var failure = Assert.Throws<RindException>(() => backend.Start(Pod, plan, Marker, size: null));

        Assert.Equal(
            "the cluster at https://cluster.test:6443 speaks only the v4 exec protocol over WebSocket and refuses SPDY, " +
            "so it cannot tell a command its input ended: the command did not run; run it without piped input (< /dev/null) or on a newer cluster",
            failure.Message);
        Assert.Empty(process.Input);
        Assert.True(process.Disposed);
    }

    [Fact]
    public void Without_piped_input_a_v4_only_server_runs_the_command_directly()
    {
        _process.Setup(process => process.CanCloseInput).Returns(false);
        using var backend = Backend();
        var plan = new ExecPlan(["true"], Tty: false, []) { HasInput = false };

        backend.Start(Pod, plan, Marker, size: null);

        _api.Verify(api => api.OpenExec(It.Is<PodExecRequest>(request => !request.Stdin && request.Command[0] == "env")));
        _process.Verify(process => process.Dispose(), Times.Never);
    }


    [Fact]
    public void A_terminal_gets_its_size_at_once_after_the_start()
    {
        using var backend = Backend();
        var plan = new ExecPlan(["bash"], Tty: true, []);

        backend.Start(Pod, plan, Marker, new TerminalSize(30, 100));

        _process.Verify(process => process.Resize(new TerminalSize(30, 100)), Times.Once);
    }

    [Fact]
    public void Another_user_is_refused_in_one_line_before_anything_runs()
    {
        using var backend = Backend();
        var plan = new ExecPlan(["id"], Tty: false, []) { User = "root" };

        var failure = Assert.Throws<RindException>(() => backend.Start(Pod, plan, Marker, size: null));

        Assert.Contains("cannot run as root", failure.Message, StringComparison.Ordinal);
        _api.Verify(api => api.OpenExec(It.IsAny<PodExecRequest>()), Times.Never);
    }

    [Fact]
    public void A_privileged_command_is_refused_in_one_line_before_anything_runs()
    {
        using var backend = Backend();
        var plan = new ExecPlan(["id"], Tty: false, []) { Privileged = true };

        var failure = Assert.Throws<RindException>(() => backend.Start(Pod, plan, Marker, size: null));

        Assert.Contains("privileged", failure.Message, StringComparison.Ordinal);
        _api.Verify(api => api.OpenExec(It.IsAny<PodExecRequest>()), Times.Never);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_signal_runs_the_markers_command_without_input_or_terminal_and_waits_for_its_end()
    {
        _process.Setup(process => process.Output).Returns(new EndingReader());
        using var backend = Backend();

        await Task.Run(() => backend.Signal(Pod, Marker, "INT", TimeSpan.FromSeconds(5)));

        _api.Verify(api => api.OpenExec(It.Is<PodExecRequest>(request =>
            !request.Stdin && !request.Tty && request.Pod == "web-7d4f" && request.Command.SequenceEqual(Marker.SignalCommand("INT")))));
        _process.Verify(process => process.Dispose(), Times.Once);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_signal_that_cannot_be_sent_is_logged_not_thrown()
    {
        _api.Setup(api => api.OpenExec(It.IsAny<PodExecRequest>())).Throws(new RindException("the cluster at https://cluster.test:6443 refused the exec"));
        using var backend = Backend();

        var failure = await Record.ExceptionAsync(() => Task.Run(() => backend.Signal(Pod, Marker, "TERM", TimeSpan.FromSeconds(5))));

        Assert.Null(failure);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_signal_with_no_wait_returns_before_the_exec_has_ended()
    {
        using var release = new ManualResetEventSlim();
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _api.Setup(api => api.OpenExec(It.IsAny<PodExecRequest>())).Returns(() =>
        {
            release.Wait(TimeSpan.FromSeconds(5));
            opened.TrySetResult();
            return _process.Object;
        });
        _process.Setup(process => process.Output).Returns(new EndingReader());
        using var backend = Backend();

        await Task.Run(() => backend.Signal(Pod, Marker, "HUP", TimeSpan.Zero));

        Assert.False(release.IsSet);
        release.Set();

        // The signal's thread is past the event before the test lets go of it.
        await opened.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private KubernetesBackend Backend() => new(Access, _api.Object, NullLogger.Instance);

    /// <summary>Output that ends at once.</summary>
    private sealed class EndingReader : IChunkReader
    {
        public OutputChunk Read(Span<byte> buffer) => new(StreamKind.Stdout, 0);
    }
}
