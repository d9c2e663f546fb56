using Rind.Backends;
using Rind.Transport.Dialing;
using Rind.Transport.WebSockets;

namespace Rind.Kubernetes.Api;

/// <summary>
/// The output of an exec, read from its WebSocket: stdout and stderr handed out as they come, the status
/// message kept for the end. A message may arrive in several frames; only its first byte names the channel.
/// Reads block on the caller's thread.
/// </summary>
internal sealed class ExecChannelReader(WebSocketConnection socket) : IChunkReader
{
    /// <summary>A Status is a few hundred bytes; more is not a status.</summary>
    private const int MaxStatusLength = 64 * 1024;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly MemoryStream _status = new();
    private readonly ManualResetEventSlim _ended = new();
    private ExecChannel _channel;
    private bool _inMessage;
    private int _pendingStart;
    private int _pendingLength;
    private bool _closed;

    /// <summary>Set once the status message is complete, or the stream ended or broke.</summary>
    public WaitHandle Ended => _ended.WaitHandle;

    /// <summary>How the connection ended, once it did.</summary>
    public ExecConnectionEnd ConnectionEnd { get; private set; }

    /// <summary>The bytes of the status message; empty while none came.</summary>
    public ReadOnlySpan<byte> StatusMessage => _status.GetBuffer().AsSpan(0, (int)_status.Length);

    public OutputChunk Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            throw new ArgumentException("The buffer must have room for at least one byte.", nameof(buffer));
        }

        while (_pendingLength == 0)
        {
            if (_closed)
            {
                return new OutputChunk(StreamKind.Stdout, 0);
            }

            ReceiveFrame();
        }

        var length = Math.Min(buffer.Length, _pendingLength);
        _buffer.AsSpan(_pendingStart, length).CopyTo(buffer);
        _pendingStart += length;
        _pendingLength -= length;
        return new OutputChunk(_channel == ExecChannel.Stderr ? StreamKind.Stderr : StreamKind.Stdout, length);
    }

    private void ReceiveFrame()
    {
        WebSocketReceived received;
        try
        {
            received = socket.Receive(_buffer);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            // The process that reads says it in the cluster's words.
            _closed = true;
            ConnectionEnd = ReceiveTimeout.IsCause(exception) ? ExecConnectionEnd.Silent : ExecConnectionEnd.Broken;
            _ended.Set();
            throw;
        }

        if (received.IsClose)
        {
            _closed = true;
            _ended.Set();
            return;
        }

        var start = 0;
        if (!_inMessage)
        {
            if (received.Count == 0)
            {
                return;
            }

            _channel = (ExecChannel)_buffer[0];
            start = 1;
        }

        _inMessage = !received.EndOfMessage;
        var payload = _buffer.AsSpan(start, received.Count - start);
        switch (_channel)
        {
            case ExecChannel.Stdout or ExecChannel.Stderr:
                _pendingStart = start;
                _pendingLength = payload.Length;
                break;
            case ExecChannel.Status:
                if (_status.Length + payload.Length > MaxStatusLength)
                {
                    throw new InvalidDataException("the exec's status message is longer than a status can be");
                }

                _status.Write(payload);
                if (received.EndOfMessage)
                {
                    _ended.Set();
                }

                break;
        }
    }
}
