using Moq;
using Rind.Backends;
using Rind.Docker;
using Rind.Docker.Models;
using Rind.Execution;
using Rind.Platform;
using Rind.Tests.Fakes;

namespace Rind.Tests.Backends.Contract;

/// <summary>
/// The command as a mocked Docker engine runs it: its output on the exec's hijacked connection, in frames
/// or raw for a terminal; its end, size and signals through the engine's other calls.
/// </summary>
internal sealed class FakeEngineCommand : FakeCommandRecord, IFakeCommand
{
    private const string ExecId = "exec1";

    private readonly LiveOutputStream _output = new();
    private readonly FakeExecConnection _connection;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ExecCreateRequest? _created;
    private bool _tty;
    private ExecInspectResponse _state = new() { Running = true, Pid = 42 };
    private int _signalExecs;

    /// <param name="containerId">The container the engine knows; execs anywhere else fail the case.</param>
    public FakeEngineCommand(string containerId)
    {
        _connection = new FakeExecConnection(_output);
        Engine.Setup(engine => engine.Version).Returns(new ApiVersion(1, 43));
        Engine.Setup(engine => engine.CreateExec(containerId, It.IsAny<ExecCreateRequest>())).Returns<string, ExecCreateRequest>((_, request) => Create(request));
        Engine.Setup(engine => engine.StartExec(ExecId, It.IsAny<ExecStartRequest>())).Returns<string, ExecStartRequest>((_, request) => Start(request));
        Engine.Setup(engine => engine.StartExecDetached(It.IsAny<string>()));
        Engine.Setup(engine => engine.ResizeExec(ExecId, It.IsAny<int>(), It.IsAny<int>()))
            .Callback<string, int, int>((_, rows, columns) => Resized(new TerminalSize(rows, columns)));
        Engine.Setup(engine => engine.InspectExec(ExecId)).Returns(() => State);
        Engine.Setup(engine => engine.InspectExec(It.Is<string>(id => id != ExecId))).Returns(new ExecInspectResponse { Running = false, ExitCode = 0, Pid = 43 });
        Engine.Setup(engine => engine.Dispose());
    }

    public Mock<IDockerEngine> Engine { get; } = new(MockBehavior.Strict);

    public Task Started => _started.Task;

    public Task InputEnded => _connection.InputClosed;

    public byte[] Input => _connection.ReceivedInput;

    private ExecInspectResponse State
    {
        get
        {
            lock (Lock)
            {
                return _state;
            }
        }
    }

    public async Task WriteAsync(StreamKind kind, byte[] bytes)
    {
        await Started;
        if (_tty && kind != StreamKind.Stdout)
        {
            throw new InvalidOperationException("a terminal has no stderr of its own");
        }

        _output.Send(_tty ? bytes : Frames.Frame((byte)kind, bytes));
    }

    public async Task ExitAsync(int exitCode)
    {
        await Started;
        End(new ExecInspectResponse { Running = false, ExitCode = exitCode, Pid = 42 });
        _output.End();
    }

    public async Task BreakOffAsync()
    {
        await Started;
        _output.BreakOff();
    }

    /// <remarks>
    /// The engine runs the argv's first word itself, and writes its runtime's failure in place of the output
    /// with 126 and no pid; a shell in front of it says so in its own line instead.
    /// </remarks>
    public async Task LackAsync(string program)
    {
        await Started;
        var argv = _created!.Cmd;
        if (argv[0] == program)
        {
            End(new ExecInspectResponse { Running = false, ExitCode = 126, Pid = 0 });
            await WriteAsync(StreamKind.Stdout, System.Text.Encoding.UTF8.GetBytes(
                $"OCI runtime exec failed: exec failed: unable to start container process: exec: \"{program}\": executable file not found in $PATH: unknown\r\n"));
            _output.End();
        }
        else if (CheckingShell.CheckedCommand(argv) == program)
        {
            await WriteAsync(StreamKind.Stderr, CheckingShell.NotFoundLine(program));
            await ExitAsync(CheckingShell.NotFoundExitCode);
        }
        else
        {
            throw new InvalidOperationException($"the exec runs {argv[0]}, not {program}");
        }
    }

    private string Create(ExecCreateRequest request)
    {
        lock (Lock)
        {
            if (request.AttachStdout)
            {
                _created = request;
                return ExecId;
            }

            // An exec of its own that signals processes: it reaches the command's when it names the command's marker.
            var marker = _created?.Env?.FirstOrDefault(variable => variable.StartsWith($"{ProcessMarker.VariableName}=", StringComparison.Ordinal));
            if (marker is not null && request.Cmd.Count > 0
                && new ProcessMarker(marker[(ProcessMarker.VariableName.Length + 1)..]).SignalCommand(request.Cmd[^1]).SequenceEqual(request.Cmd))
            {
                RecordSignal(request.Cmd[^1]);
            }

            return $"signal{++_signalExecs}";
        }
    }

    private Rind.Transport.Http.UpgradedStream Start(ExecStartRequest request)
    {
        lock (Lock)
        {
            _tty = request.Tty;
            if (request.ConsoleSize is [var rows, var columns])
            {
                RecordSize(new TerminalSize(rows, columns));
            }
        }

        _started.TrySetResult();
        return _connection.Stream;
    }

    private void Resized(TerminalSize size)
    {
        lock (Lock)
        {
            RecordSize(size);
        }
    }

    private void End(ExecInspectResponse state)
    {
        lock (Lock)
        {
            _state = state;
        }
    }
}
