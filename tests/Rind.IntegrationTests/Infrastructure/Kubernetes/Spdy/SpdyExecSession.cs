using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes.Spdy;

/// <summary>
/// One exec over an upgraded SPDY/3.1 connection, run for real in an engine container
/// (<see cref="EngineExec"/>), as the kubelet serves it through spdystream: the client opens its
/// streams (error, stdin, stdout, stderr, resize), each answered with a SYN_REPLY; the command
/// starts once all that the request asked for are there. Stdin and its FIN, and terminal sizes,
/// go to the engine's exec; output goes out on stdout and stderr, each ended with a FIN. At the
/// end the error stream carries the Status (v4) or its message (v1 to v3), the streams the server
/// has not finished are reset, and GOAWAY follows. Client PINGs are echoed. No flow-control
/// windows are kept unless <see cref="FakeClusterOptions.SpdyKeepsWindows"/> says so.
/// </summary>
internal sealed class SpdyExecSession : IDisposable
{
    // The kubelet's default: how long it waits for the client's streams.
    private static readonly TimeSpan StreamCreationTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ClientCloseWait = TimeSpan.FromSeconds(10);

    private readonly SpdyFrameReader _reader;
    private readonly SpdyFrameWriter _writer;
    private readonly SpdyHeaderDecompressor _decompressor = new();
    private readonly FakeExecRequest _request;
    private readonly string _containerId;
    private readonly string _protocol;
    private readonly FakeClusterOptions _options;
    private readonly SpdyWindows? _windows;
    private readonly Channel<Func<EngineExec, Task>> _input;
    private readonly Dictionary<string, uint> _streams = new(StringComparer.Ordinal);
    private readonly HashSet<uint> _finished = [];
    private readonly TaskCompletionSource _streamsReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<byte> _resizes = [];
    private readonly int _expectedStreams;
    private uint _lastStreamId;
    private uint _nextPingId = 2;
    private bool _resizesBroken;

    private SpdyExecSession(Stream connection, FakeExecRequest request, string containerId, string protocol, FakeClusterOptions options)
    {
        _reader = new SpdyFrameReader(connection);
        _writer = new SpdyFrameWriter(connection);
        _request = request;
        _containerId = containerId;
        _protocol = protocol;
        _options = options;
        _windows = options.SpdyKeepsWindows ? new SpdyWindows() : null;

        // Without windows, stdin is held back by TCP once a few frames wait, as spdystream's queue does;
        // with them, the client's window is the limit.
        _input = _windows is null
            ? Channel.CreateBounded<Func<EngineExec, Task>>(new BoundedChannelOptions(64) { SingleReader = true })
            : Channel.CreateUnbounded<Func<EngineExec, Task>>(new UnboundedChannelOptions { SingleReader = true });
        _expectedStreams = 1 + (request.Stdin ? 1 : 0) + (request.Stdout ? 1 : 0) + (request.Stderr && !request.Tty ? 1 : 0) +
            (request.Tty && ExecStreamProtocols.HasResizeStream(protocol) ? 1 : 0);
    }

    public static async Task RunAsync(Stream connection, FakeExecRequest request, string containerId, string protocol, FakeClusterOptions options, CancellationToken aborted)
    {
        using var session = new SpdyExecSession(connection, request, containerId, protocol, options);
        await session.RunAsync(aborted);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _decompressor.Dispose();
    }

    private async Task RunAsync(CancellationToken aborted)
    {
        using var pinging = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var frames = ReadFramesAsync(aborted);
        var pings = _options.SpdyPingInterval is { } interval ? PingAsync(interval, pinging.Token) : Task.CompletedTask;
        try
        {
            // As the kubelet: without all of its streams in time, the connection just closes.
            await Task.WhenAny(_streamsReady.Task, frames).WaitAsync(StreamCreationTimeout, aborted);
            if (!_streamsReady.Task.IsCompleted)
            {
                return;
            }

            using var exec = await EngineExec.StartAsync(_request, _containerId, aborted);
            if (_options.ExecGoesSilent)
            {
                // A server that stopped answering: the connection stays open, and nothing more happens on it.
                await pinging.CancelAsync();
                await Task.Delay(Timeout.Infinite, aborted);
            }

            var feeding = FeedInputAsync(exec, aborted);
            var end = await exec.CopyOutputAsync((isStderr, chunk) => SendOutputAsync(isStderr, chunk, aborted), aborted);
            foreach (var type in new[] { "stdout", "stderr" })
            {
                if (Stream(type) is { } id)
                {
                    await FinishAsync(id, aborted);
                }
            }

            await WriteStatusAsync(end, aborted);
            await CloseAsync(aborted);
            await frames.WaitAsync(ClientCloseWait, aborted);
            await feeding.WaitAsync(ClientCloseWait, aborted);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or TimeoutException or ObjectDisposedException or InvalidDataException)
        {
            // The client went away, or never closed: the session is over either way.
        }
        finally
        {
            await pinging.CancelAsync();
            await pings.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Until the connection ends: the client's streams, stdin, sizes, pings and windows.</summary>
    private async Task ReadFramesAsync(CancellationToken reading)
    {
        try
        {
            while (await _reader.ReadAsync(reading) is { } frame)
            {
                if (!await HandleAsync(frame, reading))
                {
                    break;
                }

                if (_options.ExecGoesSilent && _streamsReady.Task.IsCompleted)
                {
                    // Gone silent with the command's start: nothing more is read, and stdin stays as it is.
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or InvalidDataException)
        {
            // The connection broke.
        }

        // The connection's end is stdin's end, as when the real server's streams close with it.
        _input.Writer.TryWrite(exec =>
        {
            exec.CloseStdin();
            return Task.CompletedTask;
        });
        _input.Writer.TryComplete();
    }

    /// <summary>Handles one frame; false when the client said it is going away.</summary>
    private async Task<bool> HandleAsync(SpdyFrame frame, CancellationToken reading)
    {
        if (!frame.IsControl)
        {
            await DataAsync(frame, reading);
            return true;
        }

        switch (frame.Type)
        {
            case SpdyFrameType.SynStream:
                await SynStreamAsync(frame, reading);
                break;
            case SpdyFrameType.Ping:
                var id = BinaryPrimitives.ReadUInt32BigEndian(frame.Payload);
                if (id % 2 == 1)
                {
                    _request.AddClientPing();
                    await _writer.PingAsync(id, reading);
                }
                else
                {
                    _request.AddServerPingAnswered();
                }

                break;
            case SpdyFrameType.RstStream:
                var reset = BinaryPrimitives.ReadUInt32BigEndian(frame.Payload) & 0x7FFFFFFF;
                lock (_streams)
                {
                    _finished.Add(reset);
                }

                if (reset == Stream("stdin"))
                {
                    await EndStdinAsync(reading);
                }

                break;
            case SpdyFrameType.WindowUpdate when _windows is not null:
                _windows.Grow(BinaryPrimitives.ReadUInt32BigEndian(frame.Payload) & 0x7FFFFFFF, BinaryPrimitives.ReadUInt32BigEndian(frame.Payload.AsSpan(4)) & 0x7FFFFFFF);
                break;
            case SpdyFrameType.Settings when _windows is not null:
                for (var offset = 4; offset + 8 <= frame.Payload.Length; offset += 8)
                {
                    if ((BinaryPrimitives.ReadUInt32BigEndian(frame.Payload.AsSpan(offset)) & 0xFFFFFF) == SpdyFrameType.InitialWindowSize)
                    {
                        _windows.SetInitial(BinaryPrimitives.ReadUInt32BigEndian(frame.Payload.AsSpan(offset + 4)));
                    }
                }

                break;
            case SpdyFrameType.GoAway:
                return false;
            default:
                // spdystream ignores the rest, WINDOW_UPDATE and SETTINGS among them.
                break;
        }

        return true;
    }

    private async Task SynStreamAsync(SpdyFrame frame, CancellationToken reading)
    {
        var id = BinaryPrimitives.ReadUInt32BigEndian(frame.Payload) & 0x7FFFFFFF;
        var headers = SpdyHeaderBlock.Decode(_decompressor.Decompress(frame.Payload.AsSpan(10)));
        var type = headers.TryGetValue("streamtype", out var values) ? values[0] : "";
        await _writer.SynReplyAsync(id, [], reading);
        int count;
        lock (_streams)
        {
            _lastStreamId = Math.Max(_lastStreamId, id);
            _streams[type] = id;
            count = _streams.Count;
        }

        if (frame.IsFin && type == "stdin")
        {
            await EndStdinAsync(reading);
        }

        if (count == _expectedStreams)
        {
            _streamsReady.TrySetResult();
        }
    }

    private async Task DataAsync(SpdyFrame frame, CancellationToken reading)
    {
        if (frame.StreamId == Stream("stdin"))
        {
            if (frame.Payload.Length > 0)
            {
                var data = frame.Payload;
                await _input.Writer.WriteAsync(
                    async exec =>
                    {
                        await exec.WriteStdinAsync(data);
                        await GrantAsync(frame.StreamId, data.Length);
                    },
                    reading);
            }

            if (frame.IsFin)
            {
                await EndStdinAsync(reading);
            }
        }
        else if (frame.StreamId == Stream("resize"))
        {
            await ResizesAsync(frame.Payload, reading);
        }
    }

    /// <summary>The resize stream carries JSON objects one after another; each complete one is a size.</summary>
    private async Task ResizesAsync(byte[] data, CancellationToken reading)
    {
        if (_resizesBroken)
        {
            return;
        }

        _resizes.AddRange(data);
        while (true)
        {
            var buffer = _resizes.ToArray();
            int length;
            try
            {
                var json = new Utf8JsonReader(buffer, isFinalBlock: false, state: default);
                length = json.Read() && json.TrySkip() ? (int)json.BytesConsumed : 0;
            }
            catch (JsonException)
            {
                // As the kubelet's decoder: sizes stop at the first thing that is not JSON.
                _resizesBroken = true;
                return;
            }

            if (length == 0)
            {
                return;
            }

            _resizes.RemoveRange(0, length);
            var size = buffer.AsMemory(0, length);
            await _input.Writer.WriteAsync(exec => exec.ResizeAsync(size), reading);
        }
    }

    private async Task EndStdinAsync(CancellationToken reading)
    {
        _request.StdinEnded = true;
        await _input.Writer.WriteAsync(
            exec =>
            {
                exec.CloseStdin();
                return Task.CompletedTask;
            },
            reading);
    }

    /// <summary>Stdin, its end and terminal sizes, in the order they came, once the command runs.</summary>
    private async Task FeedInputAsync(EngineExec exec, CancellationToken aborted)
    {
        try
        {
            await foreach (var input in _input.Reader.ReadAllAsync(aborted))
            {
                await input(exec);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The session is over.
        }
    }

    /// <summary>With windows kept: stdin consumed opens the client's window (its stream's and the session's) again.</summary>
    private async Task GrantAsync(uint streamId, int consumed)
    {
        if (_windows is null)
        {
            return;
        }

        await _writer.WindowUpdateAsync(streamId, (uint)consumed, CancellationToken.None);
        await _writer.WindowUpdateAsync(0, (uint)consumed, CancellationToken.None);
    }

    private async Task SendOutputAsync(bool isStderr, byte[] chunk, CancellationToken aborted)
    {
        if (Stream(isStderr ? "stderr" : "stdout") is not { } id || IsFinished(id))
        {
            return;
        }

        if (_windows is null)
        {
            await _writer.DataAsync(id, chunk, fin: false, aborted);
            return;
        }

        for (var sent = 0; sent < chunk.Length;)
        {
            var open = await _windows.TakeAsync(id, chunk.Length - sent, aborted);
            await _writer.DataAsync(id, chunk.AsMemory(sent, open), fin: false, aborted);
            sent += open;
        }
    }

    /// <summary>v4: the Status as JSON; v1 to v3: its message, and nothing on success.</summary>
    private async Task WriteStatusAsync(ExecEnd end, CancellationToken aborted)
    {
        var status = end.Status(_request.Command, apiServerWords: false);
        var bytes = _protocol == ExecStreamProtocols.V4 ? JsonSerializer.SerializeToUtf8Bytes(status)
            : end.ExitCode == 0 ? []
            : Encoding.UTF8.GetBytes(status["message"]!.GetValue<string>());
        if (bytes.Length > 0 && Stream("error") is { } id)
        {
            await _writer.DataAsync(id, bytes, fin: false, aborted);
        }
    }

    /// <summary>As the kubelet's connection closes: every stream the server has not finished is reset, then GOAWAY.</summary>
    private async Task CloseAsync(CancellationToken aborted)
    {
        List<uint> open;
        uint last;
        lock (_streams)
        {
            open = [.. _streams.Values.Where(id => !_finished.Contains(id)).Order()];
            _finished.UnionWith(open);
            last = _lastStreamId;
        }

        foreach (var id in open)
        {
            await _writer.RstStreamAsync(id, SpdyFrameType.Cancel, aborted);
        }

        await _writer.GoAwayAsync(last, aborted);
    }

    private async Task FinishAsync(uint id, CancellationToken aborted)
    {
        lock (_streams)
        {
            if (!_finished.Add(id))
            {
                return;
            }
        }

        await _writer.DataAsync(id, ReadOnlyMemory<byte>.Empty, fin: true, aborted);
    }

    private async Task PingAsync(TimeSpan interval, CancellationToken pinging)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(pinging))
            {
                await _writer.PingAsync(_nextPingId, pinging);
                _nextPingId += 2;
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The session is over.
        }
    }

    private uint? Stream(string type)
    {
        lock (_streams)
        {
            return _streams.TryGetValue(type, out var id) ? id : null;
        }
    }

    private bool IsFinished(uint id)
    {
        lock (_streams)
        {
            return _finished.Contains(id);
        }
    }
}
