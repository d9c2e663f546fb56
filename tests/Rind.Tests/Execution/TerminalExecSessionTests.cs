using System.Net;
using Moq;
using Rind.Backends;
using Rind.Docker;
using Rind.Docker.Models;
using Rind.Execution;
using Rind.Platform;
using Rind.Tests.Fakes;

namespace Rind.Tests.Execution;

public sealed class TerminalExecSessionTests
{
    private static readonly Candidate Container = new("c0ffee", "web", new RunSettings("label"));
    private static readonly ExecPlan Plan = new(["bash"], Tty: true, ["TERM=xterm-256color"]);

    private readonly Mock<IDockerEngine> _engine = new(MockBehavior.Strict);
    private readonly FakeTerminal _terminal = new(size: new TerminalSize(24, 80));
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));
    private readonly FakeSignals _signals = new();

    [Fact]
    public async Task The_exec_gets_a_terminal_of_the_local_size_with_TERM_and_the_detach_keys()
    {
        ExecCreateRequest? created = null;
        ExecStartRequest? started = null;
        _engine.Setup(e => e.CreateExec("c0ffee", It.IsAny<ExecCreateRequest>()))
            .Callback<string, ExecCreateRequest>((_, request) => created = request)
            .Returns("exec1");
        _engine.Setup(e => e.StartExec("exec1", It.IsAny<ExecStartRequest>()))
            .Callback<string, ExecStartRequest>((_, request) => started = request)
            .Returns(new FakeExecConnection([]).Stream);
        SetupResize();
        SetupExit(0);

        await RunAsync(new FakeStandardStreams());

        Assert.NotNull(created);
        Assert.True(created.Tty);
        Assert.Equal("TERM=xterm-256color", created.Env![0]);
        Assert.StartsWith("RIND_SESSION=", created.Env[1], StringComparison.Ordinal);
        Assert.Equal("ctrl-@,ctrl-_,ctrl-@", created.DetachKeys);
        Assert.Equal([24, 80], created.ConsoleSize);
        Assert.NotNull(started);
        Assert.True(started.Tty);
        Assert.Equal([24, 80], started.ConsoleSize);
        Assert.Equal((24, 80), (started.Height, started.Width));
    }

    [Fact]
    public async Task Output_arrives_as_the_terminal_sent_it_without_frames()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection([.. "\u001b[1mbold\u001b[0m\r\n"u8, 1, 0, 0, 0]));
        SetupResize();
        SetupExit(0);
        var streams = new FakeStandardStreams();

        await RunAsync(streams);

        Assert.Equal([.. "\u001b[1mbold\u001b[0m\r\n"u8, 1, 0, 0, 0], streams.OutputBytes);
    }

    [Fact]
    public async Task Raw_mode_lasts_from_the_engines_answer_to_the_end_of_the_output()
    {
        SetupCreate();
        _engine.Setup(e => e.StartExec("exec1", It.IsAny<ExecStartRequest>()))
            .Callback(() => _terminal.Events.Add("start"))
            .Returns(new FakeExecConnection([]).Stream);
        SetupResize();
        _engine.Setup(e => e.InspectExec("exec1"))
            .Callback(() => _terminal.Events.Add("inspect"))
            .Returns(new ExecInspectResponse { Running = false, ExitCode = 3, Pid = 7 });

        var exitCode = (await RunAsync(new FakeStandardStreams())).ExitCode;

        Assert.Equal(3, exitCode);
        Assert.Equal(["start", "raw", "restored", "inspect"], _terminal.Events);
    }

    [Fact]
    public async Task The_terminal_is_left_alone_when_the_exec_cannot_start()
    {
        SetupCreate();
        _engine.Setup(e => e.StartExec("exec1", It.IsAny<ExecStartRequest>()))
            .Throws(new RindException("the engine at unix:///x broke off the request"));

        await Assert.ThrowsAsync<RindException>(() => RunAsync(new FakeStandardStreams()));

        Assert.False(_terminal.IsRaw);
        Assert.Empty(_terminal.Events);
    }

    [Fact]
    public async Task Raw_mode_is_left_when_the_connection_breaks()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection(new BrokenStream()));
        SetupResize();

        await Assert.ThrowsAsync<RindException>(() => RunAsync(new FakeStandardStreams()));

        Assert.False(_terminal.IsRaw);
    }

    [Fact]
    public async Task The_first_resize_is_tried_again_when_the_engine_is_not_ready_for_it()
    {
        SetupCreate();
        var output = new BlockingStream();
        SetupStart(new FakeExecConnection(output));
        var resized = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = 0;
        _engine.Setup(e => e.ResizeExec("exec1", 24, 80)).Callback(() =>
        {
            if (++attempts < 3)
            {
                throw new EngineRequestException(HttpStatusCode.Conflict, "process not started yet");
            }

            resized.SetResult();
        });
        SetupExit(0);

        var session = RunAsync(new FakeStandardStreams());
        await resized.Task.WaitAsync(_timeout.Token);
        output.End();
        await session;

        _engine.Verify(e => e.ResizeExec("exec1", 24, 80), Times.Exactly(3));
    }

    [Fact]
    public async Task A_resized_terminal_resizes_the_containers_terminal()
    {
        SetupCreate();
        var output = new BlockingStream();
        SetupStart(new FakeExecConnection(output));
        var resizedTo = new TaskCompletionSource<(int, int)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _engine.Setup(e => e.ResizeExec("exec1", It.IsAny<int>(), It.IsAny<int>()))
            .Callback<string, int, int>((_, rows, columns) =>
            {
                if (rows == 50)
                {
                    resizedTo.TrySetResult((rows, columns));
                }
            });
        SetupExit(0);

        var session = RunAsync(new FakeStandardStreams());
        await WaitUntilAsync(() => _terminal.IsRaw);
        _terminal.Resize(new TerminalSize(50, 132));
        var size = await resizedTo.Task.WaitAsync(_timeout.Token);
        output.End();
        await session;

        Assert.Equal((50, 132), size);
    }

    [Fact]
    public async Task Output_that_ends_while_the_command_runs_on_is_a_detach_reported_on_stderr()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection([]));
        SetupResize();
        _engine.Setup(e => e.InspectExec("exec1"))
            .Returns(new ExecInspectResponse { Running = true, ExitCode = null, Pid = 42 });
        var streams = new FakeStandardStreams();

        var outcome = await RunAsync(streams);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("detached; the command goes on running in the container", outcome.Message);
        Assert.False(_terminal.IsRaw);
    }

    [Fact]
    public async Task An_older_engines_detach_notice_is_a_detach_not_exit_code_126()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection("exec attach failed: error on attach stdin: read escape sequence\r\n"u8.ToArray()));
        SetupResize();
        SetupExit(126);
        var streams = new FakeStandardStreams();

        var outcome = await RunAsync(streams);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(streams.OutputBytes);
        Assert.Equal("detached; this engine ends the command when one detaches", outcome.Message);
    }

    [Fact]
    public async Task Podmans_detach_notice_is_a_detach_though_podman_reports_the_command_ended()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection("Error: detached from container\n"u8.ToArray()));
        SetupResize();
        _engine.Setup(e => e.InspectExec("exec1"))
            .Returns(new ExecInspectResponse { Running = false, ExitCode = -1, Pid = 0 });
        var streams = new FakeStandardStreams();

        var outcome = await RunAsync(streams);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(streams.OutputBytes);
        Assert.Equal("detached; the command goes on running in the container", outcome.Message);
    }

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(5, _timeout.Token);
        }
    }

    private Task<ExecOutcome> RunAsync(FakeStandardStreams streams) =>
        Task.Run(() => ExecSessionTests.SessionOnEngine(_engine, streams, _terminal, _signals).Run(Container, Plan)).WaitAsync(_timeout.Token);

    private void SetupCreate() =>
        _engine.Setup(e => e.CreateExec("c0ffee", It.IsAny<ExecCreateRequest>()))
            .Returns("exec1");

    private void SetupStart(FakeExecConnection connection) =>
        _engine.Setup(e => e.StartExec("exec1", It.Is<ExecStartRequest>(r => r.Tty)))
            .Returns(connection.Stream);

    private void SetupResize() =>
        _engine.Setup(e => e.ResizeExec("exec1", It.IsAny<int>(), It.IsAny<int>()))
            ;

    private void SetupExit(int exitCode) =>
        _engine.Setup(e => e.InspectExec("exec1"))
            .Returns(new ExecInspectResponse { Running = false, ExitCode = exitCode, Pid = 42 });

    private sealed class BrokenStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("Connection reset by peer");

        public override int Read(Span<byte> buffer) => throw new IOException("Connection reset by peer");
    }

    /// <summary>Output that stays open until the test ends it, as a running command's does.</summary>
    private sealed class BlockingStream : MemoryStream
    {
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void End() => _ended.TrySetResult();

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            _ended.Task.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            return 0;
        }
    }
}
