using Rind.Transport.WebSockets;

namespace Rind.Kubernetes.Api;

/// <summary>
/// Sends messages on an exec's WebSocket, one at a time as the socket requires, from whichever thread
/// writes: stdin, the terminal's size, the end of input. Sends block.
/// </summary>
internal sealed class ExecChannelWriter(WebSocketConnection socket)
{
    /// <summary>Input goes in messages of at most this much, so that no one message holds the others up.</summary>
    private const int MaxPayload = 32 * 1024;

    private readonly Lock _lock = new();
    private readonly byte[] _message = new byte[MaxPayload + 1];

    /// <exception cref="IOException">The socket is closed or broke off.</exception>
    public void Send(ExecChannel channel, ReadOnlySpan<byte> payload)
    {
        lock (_lock)
        {
            do
            {
                var length = Math.Min(payload.Length, MaxPayload);
                _message[0] = (byte)channel;
                payload[..length].CopyTo(_message.AsSpan(1));
                SendMessage(length + 1);
                payload = payload[length..];
            }
            while (!payload.IsEmpty);
        }
    }

    /// <summary>Closes one channel (v5 only): for stdin, the command reads the end of its input.</summary>
    public void Close(ExecChannel channel)
    {
        lock (_lock)
        {
            _message[0] = (byte)ExecChannel.Close;
            _message[1] = (byte)channel;
            SendMessage(2);
        }
    }

    /// <summary>
    /// Ends the connection at once. The server ends an exec by closing its side and the connection; the
    /// close handshake a client may answer with would only wait for that, up to a second. Not behind the
    /// lock: it also ends a send that is stuck.
    /// </summary>
    public void Finish() => socket.Abort();

    private void SendMessage(int length) => socket.Send(_message.AsSpan(0, length));
}
