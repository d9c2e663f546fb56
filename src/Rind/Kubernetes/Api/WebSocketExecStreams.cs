using Rind.Backends;
using Rind.Transport.WebSockets;

namespace Rind.Kubernetes.Api;

/// <summary>An exec's streams as channels of one WebSocket: each message's first byte names its channel.</summary>
/// <param name="protocol">The subprotocol the server agreed to (see <see cref="ExecSubprotocol"/>).</param>
internal sealed class WebSocketExecStreams(WebSocketConnection socket, string protocol) : IExecStreams
{
    private readonly ExecChannelReader _reader = new(socket);
    private readonly ExecChannelWriter _writer = new(socket);

    public string Description => "WebSocket " + protocol;

    /// <summary>v5 has a message that closes a channel; v4 has no way to tell the command its input ended.</summary>
    public bool CanCloseInput => protocol == ExecSubprotocol.V5;

    public IChunkReader Output => _reader;

    public WaitHandle Ended => _reader.Ended;

    public ExecConnectionEnd ConnectionEnd => _reader.ConnectionEnd;

    public ReadOnlySpan<byte> Status => _reader.StatusMessage;

    public bool StatusIsText => false;

    public void SendInput(ReadOnlySpan<byte> bytes) => _writer.Send(ExecChannel.Stdin, bytes);

    /// <summary>On v4 it does nothing: callers check <see cref="CanCloseInput"/> before relying on it.</summary>
    public void CloseInput()
    {
        if (CanCloseInput)
        {
            _writer.Close(ExecChannel.Stdin);
        }
    }

    public void SendResize(ReadOnlySpan<byte> json) => _writer.Send(ExecChannel.Resize, json);

    public void Ping() => socket.Ping();

    /// <summary>WebSocket has no windows: nothing is ever owed.</summary>
    public void SendOwed()
    {
    }

    public void NotifyWhenOwed(Action nudge)
    {
    }

    /// <summary>
    /// The server ends an exec by closing its side and the connection; the close handshake a client may answer
    /// with would only wait for that, up to a second.
    /// </summary>
    public void Abort() => _writer.Finish();
}
