using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Rind.Backends;
using Rind.Execution;
using Rind.Kubernetes.Api;
using Rind.Platform;
using Rind.Tests.Kubernetes;

namespace Rind.Tests.Backends.Contract;

/// <summary>
/// The command as a cluster's API server runs it, on a loopback server of the test's own: the exec's
/// channels over WebSocket v5, its end as a Status; the execs that signal it, each a request of its own.
/// It plays what the pod runs in front of the command: env, and the shells that wait for rind's go-ahead
/// or check the command.
/// </summary>
internal sealed class FakePodCommand : FakeCommandRecord, IFakeCommand, IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly LoopbackApiServer _server;
    private readonly TaskCompletionSource<WebSocket> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _inputEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly MemoryStream _input = new();
    private PodArgv? _argv;
    private bool _tty;
    private bool _wentAhead;

    public FakePodCommand() => _server = LoopbackApiServer.Start(Answer);

    public Uri Address => _server.Address;

    public Task Started => _started.Task;

    public Task InputEnded => _inputEnded.Task;

    public byte[] Input
    {
        get
        {
            lock (Lock)
            {
                return _input.ToArray();
            }
        }
    }

    public async Task WriteAsync(StreamKind kind, byte[] bytes)
    {
        var socket = await _started.Task.WaitAsync(Patience);
        if (_tty && kind != StreamKind.Stdout)
        {
            throw new InvalidOperationException("a terminal has no stderr of its own");
        }

        await socket.SendAsync((byte[])[(byte)kind, .. bytes], WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
    }

    /// <remarks>The server ends an exec with its Status on channel 3, then closes.</remarks>
    public async Task ExitAsync(int exitCode)
    {
        var socket = await _started.Task.WaitAsync(Patience);
        var status = exitCode == 0
            ? """{"metadata":{},"status":"Success"}"""
            : $$$"""{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: exit status {{{exitCode}}}","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"{{{exitCode}}}"}]}}""";
        await socket.SendAsync((byte[])[3, .. Encoding.UTF8.GetBytes(status)], WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        _ended.TrySetResult();
    }

    public async Task BreakOffAsync()
    {
        var socket = await _started.Task.WaitAsync(Patience);
        socket.Abort();
        _ended.TrySetResult();
    }

    /// <remarks>env runs what follows it: a missing program is env's failure, unless a shell that checks the command comes first.</remarks>
    public async Task LackAsync(string program)
    {
        await Started.WaitAsync(Patience);
        var command = _argv!.Command;
        if (CheckingShell.CheckedCommand(command) == program)
        {
            await WriteAsync(StreamKind.Stderr, CheckingShell.NotFoundLine(program));
        }
        else if (command[0] == program)
        {
            await WriteAsync(StreamKind.Stderr, Encoding.UTF8.GetBytes($"env: '{program}': No such file or directory\n"));
        }
        else
        {
            throw new InvalidOperationException($"env runs {command[0]}, not {program}");
        }

        await ExitAsync(127);
    }

    public async ValueTask DisposeAsync()
    {
        _ended.TrySetResult();
        await _server.DisposeAsync();
        _input.Dispose();
    }

    private ApiResponse Answer(RecordedApiRequest request)
    {
        var argv = request.Query("command");
        lock (Lock)
        {
            if (_argv is not null)
            {
                // An exec of its own that signals processes: it reaches the command's when it names the command's marker.
                if (argv.Count > 0 && new ProcessMarker(_argv.Marker).SignalCommand(argv[^1]).SequenceEqual(argv))
                {
                    RecordSignal(argv[^1]);
                }

                return ApiResponse.Upgrade(ExecSubprotocol.V5, socket => ExitAsync(socket));
            }

            _argv = PodArgv.Parse(argv);
            _tty = request.Query("tty") is ["true"];
            return ApiResponse.Upgrade(ExecSubprotocol.V5, socket => RunAsync(socket, request.Query("stdin") is ["true"]));
        }
    }

    private static async Task ExitAsync(WebSocket socket)
    {
        await socket.SendAsync("\u0003{\"metadata\":{},\"status\":\"Success\"}"u8.ToArray(), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    /// <summary>Serves the command's exec until the case ends it, reading what rind sends meanwhile.</summary>
    private async Task RunAsync(WebSocket socket, bool stdin)
    {
        if (!stdin)
        {
            _inputEnded.TrySetResult();
        }

        var receiving = ReceiveAsync(socket);
        _started.TrySetResult(socket);
        await _ended.Task.WaitAsync(Patience);
        await receiving.WaitAsync(Patience);
    }

    private async Task ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    Take(message.ToArray());
                    message.SetLength(0);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // rind ends an exec by dropping the connection.
        }
    }

    /// <summary>One message of rind's: input on channel 0, the terminal's size on 4, or the close of a channel.</summary>
    private void Take(byte[] message)
    {
        lock (Lock)
        {
            switch (message)
            {
                case [0, ..]:
                    Read(message.AsSpan(1));
                    break;
                case [255, 0]:
                    _inputEnded.TrySetResult();
                    break;
                case [4, ..]:
                    using (var size = JsonDocument.Parse(message.AsMemory(1)))
                    {
                        RecordSize(new TerminalSize(size.RootElement.GetProperty("Height").GetInt32(), size.RootElement.GetProperty("Width").GetInt32()));
                    }

                    break;
            }
        }
    }

    /// <summary>Input as the pod reads it: a shell that waits for rind's go-ahead reads its line first.</summary>
    private void Read(ReadOnlySpan<byte> bytes)
    {
        if (_argv!.AwaitsGoAhead && !_wentAhead)
        {
            var line = bytes.IndexOf((byte)'\n');
            if (line < 0)
            {
                return;
            }

            _wentAhead = true;
            bytes = bytes[(line + 1)..];
        }

        _input.Write(bytes);
    }
}
