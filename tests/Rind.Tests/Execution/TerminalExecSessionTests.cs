using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Rind.Engine;
using Rind.Engine.Models;
using Rind.Execution;
using Rind.Platform;
using Rind.Tests.Fakes;

namespace Rind.Tests.Execution;

public sealed class TerminalExecSessionTests
{
    private static readonly ContainerSummary Container = new() { Id = "c0ffee", Names = ["/web"], State = "running" };
    private static readonly ExecPlan Plan = new(["bash"], Tty: true, ["TERM=xterm-256color"], "ctrl-@,ctrl-_,ctrl-@");

    private readonly Mock<IDockerEngine> _engine = new(MockBehavior.Strict);
    private readonly FakeTerminal _terminal = new(size: new TerminalSize(24, 80));
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));
    private readonly FakeSignals _signals = new();

    [Fact]
    public async Task The_exec_gets_a_terminal_of_the_local_size_with_TERM_and_the_detach_keys()
    {
        ExecCreateRequest? created = null;
        ExecStartRequest? started = null;
        _engine.Setup(e => e.CreateExecAsync("c0ffee", It.IsAny<ExecCreateRequest>(), It.IsAny<CancellationToken>()))
            .Callback<string, ExecCreateRequest, CancellationToken>((_, request, _) => created = request)
            .ReturnsAsync("exec1");
        _engine.Setup(e => e.StartExecAsync("exec1", It.IsAny<ExecStartRequest>(), It.IsAny<CancellationToken>()))
            .Callback<string, ExecStartRequest, CancellationToken>((_, request, _) => started = request)
            .ReturnsAsync(new FakeExecConnection([]));
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
        _engine.Setup(e => e.StartExecAsync("exec1", It.IsAny<ExecStartRequest>(), It.IsAny<CancellationToken>()))
            .Callback(() => _terminal.Events.Add("start"))
            .ReturnsAsync(new FakeExecConnection([]));
        SetupResize();
        _engine.Setup(e => e.InspectExecAsync("exec1", It.IsAny<CancellationToken>()))
            .Callback(() => _terminal.Events.Add("inspect"))
            .ReturnsAsync(new ExecInspectResponse { Running = false, ExitCode = 3, Pid = 7 });

        var exitCode = await RunAsync(new FakeStandardStreams());

        Assert.Equal(3, exitCode);
        Assert.Equal(["start", "raw", "restored", "inspect"], _terminal.Events);
    }

    [Fact]
    public async Task The_terminal_is_left_alone_when_the_exec_cannot_start()
    {
        SetupCreate();
        _engine.Setup(e => e.StartExecAsync("exec1", It.IsAny<ExecStartRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RindException("the engine at unix:///x broke off the request"));

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
        _engine.SetupSequence(e => e.ResizeExecAsync("exec1", 24, 80, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineRequestException(HttpStatusCode.Conflict, "process not started yet"))
            .ThrowsAsync(new EngineRequestException(HttpStatusCode.Conflict, "process not started yet"))
            .Returns(() =>
            {
                resized.SetResult();
                return Task.CompletedTask;
            });
        SetupExit(0);

        var session = RunAsync(new FakeStandardStreams());
        await resized.Task.WaitAsync(_timeout.Token);
        output.End();
        await session;

        _engine.Verify(e => e.ResizeExecAsync("exec1", 24, 80, It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task A_resized_terminal_resizes_the_containers_terminal()
    {
        SetupCreate();
        var output = new BlockingStream();
        SetupStart(new FakeExecConnection(output));
        var resizedTo = new TaskCompletionSource<(int, int)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _engine.Setup(e => e.ResizeExecAsync("exec1", It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Callback<string, int, int, CancellationToken>((_, rows, columns, _) =>
            {
                if (rows == 50)
                {
                    resizedTo.TrySetResult((rows, columns));
                }
            })
            .Returns(Task.CompletedTask);
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
        _engine.Setup(e => e.InspectExecAsync("exec1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ExecInspectResponse { Running = true, ExitCode = null, Pid = 42 });
        var streams = new FakeStandardStreams();

        var exitCode = await RunAsync(streams);

        Assert.Equal(0, exitCode);
        Assert.Equal("rind: detached; the command goes on running in the container\n", streams.ErrorText);
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

        var exitCode = await RunAsync(streams);

        Assert.Equal(0, exitCode);
        Assert.Empty(streams.OutputBytes);
        Assert.Equal("rind: detached; this engine ends the command when one detaches\n", streams.ErrorText);
    }

    [Fact]
    public async Task Podmans_detach_notice_is_a_detach_though_podman_reports_the_command_ended()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection("Error: detached from container\n"u8.ToArray()));
        SetupResize();
        _engine.Setup(e => e.InspectExecAsync("exec1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ExecInspectResponse { Running = false, ExitCode = -1, Pid = 0 });
        var streams = new FakeStandardStreams();

        var exitCode = await RunAsync(streams);

        Assert.Equal(0, exitCode);
        Assert.Empty(streams.OutputBytes);
        Assert.Equal("rind: detached; the command goes on running in the container\n", streams.ErrorText);
    }

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(5, _timeout.Token);
        }
    }

    private Task<int> RunAsync(FakeStandardStreams streams) =>
        new ExecSession(_engine.Object, streams, _terminal, _signals, NullLogger.Instance).RunAsync(Container, Plan, _timeout.Token);

    private void SetupCreate() =>
        _engine.Setup(e => e.CreateExecAsync("c0ffee", It.IsAny<ExecCreateRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("exec1");

    private void SetupStart(FakeExecConnection connection) =>
        _engine.Setup(e => e.StartExecAsync("exec1", It.Is<ExecStartRequest>(r => r.Tty), It.IsAny<CancellationToken>()))
            .ReturnsAsync(connection);

    private void SetupResize() =>
        _engine.Setup(e => e.ResizeExecAsync("exec1", It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);

    private void SetupExit(int exitCode) =>
        _engine.Setup(e => e.InspectExecAsync("exec1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ExecInspectResponse { Running = false, ExitCode = exitCode, Pid = 42 });

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
