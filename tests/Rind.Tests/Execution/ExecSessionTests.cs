using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Rind.Backends;
using Rind.Docker;
using Rind.Docker.Models;
using Rind.Execution;
using Rind.Tests.Fakes;

namespace Rind.Tests.Execution;

public sealed class ExecSessionTests
{
    private static readonly Candidate Container = new("c0ffee", "web", new RunSettings("label"));

    private readonly Mock<IDockerEngine> _engine = new(MockBehavior.Strict);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(10));
    private readonly FakeSignals _signals = new();

    [Fact]
    public async Task The_exec_runs_the_argv_with_every_stream_attached_and_no_terminal()
    {
        ExecCreateRequest? created = null;
        _engine.Setup(e => e.CreateExec("c0ffee", It.IsAny<ExecCreateRequest>()))
            .Callback<string, ExecCreateRequest>((_, request) => created = request)
            .Returns("exec1");
        SetupStart(new FakeExecConnection([]));
        SetupExit(0);

        await RunAsync(new FakeStandardStreams(), ["printf", "%s", "a  b"]);

        Assert.NotNull(created);
        Assert.Equal(["printf", "%s", "a  b"], created.Cmd);
        Assert.True(created.AttachStdin && created.AttachStdout && created.AttachStderr);
        Assert.False(created.Tty);
    }

    [Fact]
    public async Task Stdout_and_stderr_reach_their_own_streams_byte_for_byte()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Concat(
            Frames.Stdout("out 1\n"), Frames.Stderr("err 1\n"), Frames.Frame(1, [0, 255, 10, 13]), Frames.Stderr("err 2"))));
        SetupExit(0);
        var streams = new FakeStandardStreams();

        await RunAsync(streams, ["cmd"]);

        Assert.Equal([.. "out 1\n"u8, 0, 255, 10, 13], streams.OutputBytes);
        Assert.Equal("err 1\nerr 2", streams.ErrorText);
    }

    [Fact]
    public async Task The_commands_exit_code_is_rinds()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection([]));
        SetupExit(7);

        Assert.Equal(7, (await RunAsync(new FakeStandardStreams(), ["sh", "-c", "exit 7"])).ExitCode);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(-2)]
    public async Task An_exit_code_no_process_can_have_is_a_one_line_error_not_the_commands_code(int reported)
    {
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Stdout("out\n")));
        SetupExit(reported);
        var streams = new FakeStandardStreams();

        var outcome = await RunAsync(streams, ["cmd"]);

        Assert.Equal(125, outcome.ExitCode);
        Assert.Equal($"the engine reported an impossible exit code ({reported}) for the command", outcome.Message);
        Assert.Equal("out\n", streams.OutputText);
    }

    [Fact]
    public async Task The_exit_code_is_asked_for_again_until_the_engine_has_recorded_it()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection([]));
        _engine.SetupSequence(e => e.InspectExec("exec1"))
            .Returns(new ExecInspectResponse { Running = true, ExitCode = 0, Pid = 42 })
            .Returns(new ExecInspectResponse { Running = false, ExitCode = null, Pid = 42 })
            .Returns(new ExecInspectResponse { Running = false, ExitCode = 3, Pid = 42 });

        Assert.Equal(3, (await RunAsync(new FakeStandardStreams(), ["cmd"])).ExitCode);
        _engine.Verify(e => e.InspectExec("exec1"), Times.Exactly(3));
    }

    [Fact]
    public async Task Stdin_is_forwarded_and_its_end_is_passed_on()
    {
        SetupCreate();
        var connection = new FakeExecConnection([]);
        SetupStart(connection);
        SetupExit(0);

        await RunAsync(new FakeStandardStreams(input: "hi\n"u8.ToArray()), ["cat"]);
        await connection.InputClosed.WaitAsync(_timeout.Token);

        Assert.Equal("hi\n"u8.ToArray(), connection.ReceivedInput);
    }

    [Fact]
    public async Task A_reader_that_goes_away_ends_the_command_and_all_it_started_and_rind_quietly_with_the_broken_pipe_code()
    {
        SetupCreate();
        var connection = new FakeExecConnection(Frames.Concat(Frames.Stdout("first\n"), Frames.Stdout("second\n")));
        SetupStart(connection);
        var signalled = SetupSignalling();
        var streams = new FakeStandardStreams(output: new FailingStream(32, "Broken pipe"));

        var exitCode = (await RunAsync(streams, ["yes"])).ExitCode;

        Assert.Equal(141, exitCode);
        Assert.Equal("", streams.ErrorText);
        Assert.Equal(["PIPE", "KILL"], signalled);
        Assert.True(connection.Disposed);
        _engine.Verify(e => e.InspectExec("exec1"), Times.Never);
    }

    [Fact]
    public async Task A_stdout_that_cannot_be_written_is_a_one_line_error_naming_the_reason_and_ends_the_command()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Stdout("output\n")));
        var signalled = SetupSignalling();
        var streams = new FakeStandardStreams(output: new FailingStream(28, "No space left on device"));

        var outcome = await RunAsync(streams, ["cat", "big"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("cannot write to stdout: No space left on device", outcome.Message);
        Assert.Equal(["PIPE", "KILL"], signalled);
    }

    [Fact]
    public async Task A_stdout_that_fails_when_held_output_is_written_at_the_end_is_a_one_line_error()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Stdout("OCI runtime exec failed: printed by the command\n")));
        SetupEnd(exitCode: 0, pid: 42);

        // The held line may also be written while the output is still read, once the engine shows a pid:
        // then the failure ends the command with signals, and rind says the same.
        SetupSignalling();
        var streams = new FakeStandardStreams(output: new FailingStream(5, "Input/output error"));

        var outcome = await RunAsync(streams, ["printf"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("cannot write to stdout: Input/output error", outcome.Message);
    }

    [Fact]
    public async Task A_container_that_stopped_meanwhile_is_a_one_line_error()
    {
        _engine.Setup(e => e.CreateExec("c0ffee", It.IsAny<ExecCreateRequest>()))
            .Throws(new EngineRequestException(HttpStatusCode.Conflict, "Container c0ffee is not running"));

        var exception = await Assert.ThrowsAsync<RindException>(() => RunAsync(new FakeStandardStreams(), ["ls"]));

        Assert.Equal("cannot run in container web: Container c0ffee is not running", exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Fact]
    public async Task A_stream_cut_inside_a_frame_is_a_one_line_error()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Stdout("abc")[..6]));

        var exception = await Assert.ThrowsAsync<RindException>(() => RunAsync(new FakeStandardStreams(), ["ls"]));

        Assert.StartsWith("the connection to the engine broke off", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_the_engine_cannot_find_exits_127_with_one_line_instead_of_the_engines_text()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Stdout(
            "OCI runtime exec failed: exec failed: unable to start container process: exec: \"nope\": executable file not found in $PATH: unknown\r\n")));
        SetupEnd(exitCode: 126, pid: 0);
        var streams = new FakeStandardStreams();

        var outcome = await RunAsync(streams, ["nope", "arg"]);

        Assert.Equal(127, outcome.ExitCode);
        Assert.Equal("nope: command not found", outcome.Message);
        Assert.Empty(streams.OutputBytes);
    }

    [Fact]
    public async Task A_working_folder_missing_in_the_container_is_named_in_one_line_and_exits_126()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Stdout(
            "OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd (\"/nonexistent\") set in config.json failed: no such file or directory: unknown\r\n")));
        SetupEnd(exitCode: 126, pid: 0);
        var streams = new FakeStandardStreams();

        var outcome = await RunAsync(streams, Plan(["pwd"]) with { WorkingDirectory = "/nonexistent" });

        Assert.Equal(126, outcome.ExitCode);
        Assert.Equal("cannot run in /nonexistent: no such folder in the container", outcome.Message);
        Assert.Empty(streams.OutputBytes);
    }

    [Fact]
    public async Task A_user_missing_in_the_container_is_one_line_and_never_reaches_stdout()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Stdout("unable to find user nosuchuser: no matching entries in passwd file\r\n")));
        SetupEnd(exitCode: 126, pid: 0);
        var streams = new FakeStandardStreams();

        var outcome = await RunAsync(streams, Plan(["id"]) with { User = "nosuchuser" });

        Assert.Equal(126, outcome.ExitCode);
        Assert.Equal("no user nosuchuser in the container", outcome.Message);
        Assert.Empty(streams.OutputBytes);
    }

    [Fact]
    public async Task A_user_podman_cannot_find_when_asked_to_start_is_one_line_and_exits_126()
    {
        SetupCreate();
        _engine.Setup(e => e.StartExec("exec1", It.IsAny<ExecStartRequest>()))
            .Throws(new EngineRequestException(
                HttpStatusCode.InternalServerError, "unable to find group nosuchgroup: no matching entries in group file"));

        var exception = await Assert.ThrowsAsync<RindException>(() => RunAsync(new FakeStandardStreams(), Plan(["id"]) with { User = "0:nosuchgroup" }));

        Assert.Equal(126, exception.ExitCode);
        Assert.Equal("no group nosuchgroup in the container", exception.Message);
    }

    [Theory]
    [InlineData("/nonexistent", "no such file or directory: OCI runtime attempted to invoke a command that was not found", 127, "no such folder")]
    [InlineData("/etc/passwd", "not a directory: OCI runtime error", 125, "not a folder")]
    public async Task A_working_folder_podman_cannot_enter_is_named_whatever_code_podman_reports(
        string folder, string reason, int engineExitCode, string saying)
    {
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Concat(
            Frames.Stderr($"Error: runc: exec failed: unable to start container process: chdir to cwd (\"{folder}\") set in config.json failed: {reason}\n"),
            Frames.Stderr("Error: read unixpacket @->/proc/self/fd/14/attach: read: connection reset by peer\n"))));
        SetupEnd(engineExitCode, pid: 0);
        var streams = new FakeStandardStreams();

        var outcome = await RunAsync(streams, Plan(["pwd"]) with { WorkingDirectory = folder });

        Assert.Equal(126, outcome.ExitCode);
        Assert.Equal($"cannot run in {folder}: {saying} in the container", outcome.Message);
        Assert.Equal("", streams.ErrorText);
    }

    [Fact]
    public async Task Output_that_only_looks_like_an_engine_failure_is_the_commands_own()
    {
        const string text = "OCI runtime exec failed: just words\n";
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Concat(Frames.Stdout(text), Frames.Stdout("more\n"))));
        SetupEnd(exitCode: 0, pid: 42);
        var streams = new FakeStandardStreams();

        var exitCode = (await RunAsync(streams, ["echo"])).ExitCode;

        Assert.Equal(0, exitCode);
        Assert.Equal(text + "more\n", streams.OutputText);
    }

    [Fact]
    public async Task Held_output_of_a_command_that_ran_is_written_at_its_end()
    {
        const string text = "OCI runtime exec failed: printed by the command\n";
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Stdout(text)));
        SetupEnd(exitCode: 126, pid: 42);
        var streams = new FakeStandardStreams();

        var exitCode = (await RunAsync(streams, ["printf"])).ExitCode;

        Assert.Equal(126, exitCode);
        Assert.Equal(text, streams.OutputText);
    }

    [Fact]
    public async Task Errors_after_a_notice_like_line_are_written_while_the_command_runs_once_the_engine_shows_it_runs()
    {
        const string text = "OCI runtime exec failed: printed by the command\n";
        SetupCreate();
        var end = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        SetupStart(new FakeExecConnection(new PausedStream(
            Frames.Concat(Frames.Stdout(text), Frames.Stderr("Error: one\n"), Frames.Stderr("Error: two\n")), end.Task)));
        _engine.SetupSequence(e => e.InspectExec("exec1"))
            .Returns(new ExecInspectResponse { Running = true, Pid = 0 })
            .Returns(new ExecInspectResponse { Running = false, ExitCode = 3, Pid = 42 });
        var streams = new FakeStandardStreams();

        var session = RunAsync(streams, ["sh"]);
        while (streams.ErrorText != "Error: one\nError: two\n")
        {
            await Task.Delay(10, _timeout.Token);
        }

        Assert.Equal(text, streams.OutputText);
        Assert.False(session.IsCompleted);
        end.SetResult();
        Assert.Equal(3, (await session).ExitCode);
    }

    [Fact]
    public async Task Notice_like_output_followed_by_more_output_keeps_its_place()
    {
        const string notice = "exec attach failed: error on attach stdin: read escape sequence\n";
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Concat(Frames.Stdout("a\n"), Frames.Stdout(notice), Frames.Stdout("b\n"))));
        SetupExit(0);
        var streams = new FakeStandardStreams();

        await RunAsync(streams, ["cat"]);

        Assert.Equal("a\n" + notice + "b\n", streams.OutputText);
    }

    [Theory]
    [InlineData("no-such-command", "executable file not found in $PATH: OCI runtime attempted to invoke a command that was not found", 127, "no-such-command: command not found")]
    [InlineData("/opt/x", "permission denied: OCI permission denied", 126, "/opt/x: permission denied")]
    public async Task A_command_podman_cannot_start_is_one_line_though_podman_sends_its_errors_as_stderr(
        string command, string reason, int exitCode, string message)
    {
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Concat(
            Frames.Stderr($"Error: runc: exec failed: unable to start container process: exec: \"{command}\": {reason}\n"),
            Frames.Stderr("Error: read unixpacket @->/proc/self/fd/16/attach: read: connection reset by peer\n"))));
        SetupEnd(exitCode, pid: 0);
        var streams = new FakeStandardStreams();

        var outcome = await RunAsync(streams, [command]);

        Assert.Equal(exitCode, outcome.ExitCode);
        Assert.Equal(message, outcome.Message);
        Assert.Empty(streams.OutputBytes);
        Assert.Equal("", streams.ErrorText);
    }

    [Fact]
    public async Task A_commands_own_errors_on_stderr_are_written_at_once_and_in_order()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Concat(
            Frames.Stderr("Error: no such file\n"), Frames.Stdout("out\n"), Frames.Stderr("Error: again\n"))));
        SetupExit(1);
        var streams = new FakeStandardStreams();

        var exitCode = (await RunAsync(streams, ["tool"])).ExitCode;

        Assert.Equal(1, exitCode);
        Assert.Equal("out\n", streams.OutputText);
        Assert.Equal("Error: no such file\nError: again\n", streams.ErrorText);
    }

    [Fact]
    public async Task Held_back_output_goes_to_the_streams_it_came_on()
    {
        const string notice = "Error: crun: printed by the command: OCI runtime error\n";
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Concat(
            Frames.Stderr(notice), Frames.Stderr("Error: and more\n"), Frames.Stdout("out\n"))));
        SetupExit(0);
        var streams = new FakeStandardStreams();

        await RunAsync(streams, ["tool"]);

        Assert.Equal("out\n", streams.OutputText);
        Assert.Equal(notice + "Error: and more\n", streams.ErrorText);
    }

    [Fact]
    public async Task Input_podman_cut_short_for_its_detach_keys_is_an_error_not_the_commands_end()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Concat(Frames.Stdout("partial"), Frames.Stderr("Error: detached from container\n"))));
        SetupEnd(exitCode: -1, pid: 0);
        var streams = new FakeStandardStreams();

        var outcome = await RunAsync(streams, ["cat"]);

        Assert.Equal(125, outcome.ExitCode);
        Assert.StartsWith("the engine took part of the command's input for its detach keys", outcome.Message, StringComparison.Ordinal);
        Assert.Equal("", streams.ErrorText);
    }

    [Fact]
    public async Task A_command_that_prints_podmans_detach_notice_and_exits_keeps_its_output_and_exit_code()
    {
        SetupCreate();
        SetupStart(new FakeExecConnection(Frames.Stderr("Error: detached from container\n")));
        SetupEnd(exitCode: 3, pid: 0);
        var streams = new FakeStandardStreams();

        Assert.Equal(3, (await RunAsync(streams, ["sh"])).ExitCode);
        Assert.Equal("Error: detached from container\n", streams.ErrorText);
    }

    [Fact]
    public async Task A_signal_to_rind_is_sent_to_every_process_of_the_command_and_what_outlives_it_is_killed()
    {
        ExecCreateRequest? command = null;
        List<ExecCreateRequest> signallers = [];
        _engine.Setup(e => e.CreateExec("c0ffee", It.Is<ExecCreateRequest>(r => r.AttachStdout)))
            .Callback<string, ExecCreateRequest>((_, request) => command = request)
            .Returns("exec1");
        _engine.Setup(e => e.CreateExec("c0ffee", It.Is<ExecCreateRequest>(r => !r.AttachStdout)))
            .Callback<string, ExecCreateRequest>((_, request) => signallers.Add(request))
            .Returns("signal1");
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _engine.Setup(e => e.StartExecDetached("signal1"))
            .Callback(() => sent.TrySetResult())
            ;
        _engine.Setup(e => e.InspectExec("signal1"))
            .Returns(new ExecInspectResponse { Running = false, ExitCode = 0, Pid = 43 });
        var output = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        SetupStart(new FakeExecConnection(new AwaitedStream(output.Task)));
        SetupExit(130);

        var session = RunAsync(new FakeStandardStreams(), ["sleep", "100"]);
        while (!_signals.Intercepting)
        {
            await Task.Delay(5, _timeout.Token);
        }

        _signals.Send(System.Runtime.InteropServices.PosixSignal.SIGINT);
        await sent.Task.WaitAsync(_timeout.Token);
        output.SetResult([]);

        Assert.Equal(130, (await session).ExitCode);
        var marker = Assert.Single(command!.Env!, variable => variable.StartsWith("RIND_SESSION=", StringComparison.Ordinal));
        Assert.Equal([[marker, "INT"], [marker, "KILL"]], signallers.Select(request => request.Cmd.TakeLast(2).ToArray()));
        Assert.False(_signals.Intercepting);
    }

    private static ExecPlan Plan(string[] argv) => new(argv, Tty: false, Environment: []);

    private Task<ExecOutcome> RunAsync(FakeStandardStreams streams, string[] argv) => RunAsync(streams, Plan(argv));

    /// <summary>Runs the session on a thread of its own, as the test goes on meanwhile, within the test's time.</summary>
    private Task<ExecOutcome> RunAsync(FakeStandardStreams streams, ExecPlan plan) =>
        Task.Run(() => SessionOnEngine(_engine, streams, new FakeTerminal(isTerminal: false), _signals).Run(Container, plan)).WaitAsync(_timeout.Token);

    /// <summary>A session on the Docker backend over the mocked engine, which speaks API 1.43.</summary>
    internal static ExecSession SessionOnEngine(Mock<IDockerEngine> engine, FakeStandardStreams streams, FakeTerminal terminal, FakeSignals signals)
    {
        engine.Setup(e => e.Version).Returns(new ApiVersion(1, 43));
        var backend = new DockerBackend(() => engine.Object, () => null, NullLogger.Instance);
        return new ExecSession(backend, backend.Connect(), streams, terminal, signals, NullLogger.Instance);
    }

    private void SetupCreate() =>
        _engine.Setup(e => e.CreateExec("c0ffee", It.IsAny<ExecCreateRequest>()))
            .Returns("exec1");

    private void SetupStart(FakeExecConnection connection) =>
        _engine.Setup(e => e.StartExec("exec1", It.Is<ExecStartRequest>(r => !r.Detach && !r.Tty)))
            .Returns(connection.Stream);

    /// <summary>Execs that signal the command's processes; returns the signals they send, in order.</summary>
    private List<string> SetupSignalling()
    {
        List<string> signals = [];
        _engine.Setup(e => e.CreateExec("c0ffee", It.Is<ExecCreateRequest>(r => !r.AttachStdout)))
            .Callback<string, ExecCreateRequest>((_, request) => signals.Add(request.Cmd[^1]))
            .Returns("signal1");
        _engine.Setup(e => e.StartExecDetached("signal1"));
        _engine.Setup(e => e.InspectExec("signal1"))
            .Returns(new ExecInspectResponse { Running = false, ExitCode = 0, Pid = 43 });
        return signals;
    }

    private void SetupExit(int exitCode) => SetupEnd(exitCode, pid: 42);

    private void SetupEnd(int exitCode, int pid) =>
        _engine.Setup(e => e.InspectExec("exec1"))
            .Returns(new ExecInspectResponse { Running = false, ExitCode = exitCode, Pid = pid });

    /// <summary>Output that arrives when the test says so.</summary>
    private sealed class AwaitedStream(Task<byte[]> content) : MemoryStream
    {
        private bool _read;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var bytes = content.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            if (_read)
            {
                return 0;
            }

            _read = true;
            bytes.CopyTo(buffer);
            return bytes.Length;
        }
    }

    /// <summary>Output that arrives at once, and then ends when the test says so.</summary>
    /// <remarks>A derived MemoryStream reads spans through this overload.</remarks>
    private sealed class PausedStream(byte[] content, Task end) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            if (read == 0)
            {
                end.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            }

            return read;
        }
    }

    /// <summary>A stdout every write to fails, with an errno, as <c>FileDescriptorStream</c> reports one.</summary>
    private sealed class FailingStream(int errno, string reason) : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException(reason, errno);

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException(reason, errno);
    }
}
