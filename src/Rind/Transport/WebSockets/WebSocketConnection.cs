using System.Buffers.Binary;
using System.Globalization;

namespace Rind.Transport.WebSockets;

/// <summary>
/// The client end of a WebSocket (RFC 6455) over a stream whose opening handshake is done: messages out as
/// single masked frames, messages in as pieces that fill the reader's buffer, whatever their framing. Pings
/// are answered, and the server's close is answered and reported. Every call blocks; one thread receives
/// while others send.
/// </summary>
/// <param name="abort">Breaks the connection off from any thread, ending a receive or send that waits on it.</param>
/// <param name="maxFrameLength">The longest frame accepted: longer ones are taken as a broken stream.</param>
internal sealed class WebSocketConnection(Stream stream, Action abort, long maxFrameLength = WebSocketConnection.DefaultMaxFrameLength)
{
    /// <summary>Far above the frames an API server sends (its copy buffers are 32 KiB).</summary>
    public const long DefaultMaxFrameLength = 16 * 1024 * 1024;

    /// <summary>The most a control frame may carry (RFC 6455, 5.5).</summary>
    private const int MaxControlPayload = 125;

    private readonly WebSocketFrameWriter _writer = new(stream);
    private readonly FramedInput _input = new(stream, "the WebSocket's connection");
    private long _frameLeft;
    private bool _frameEndsMessage;
    private bool _inMessage;
    private bool _closed;

    /// <summary>Sends one whole binary message.</summary>
    /// <exception cref="IOException">The WebSocket is closed or broke off.</exception>
    public void Send(ReadOnlySpan<byte> message) => _writer.Send(WebSocketOpcode.Binary, message);

    /// <summary>
    /// Receives the next piece of a message (text or binary alike) into <paramref name="buffer"/>, waiting for it;
    /// or the close, then again at every call.
    /// </summary>
    /// <exception cref="IOException">The connection broke off or ended without a close.</exception>
    /// <exception cref="InvalidDataException">The server broke the protocol; the message says how.</exception>
    public WebSocketReceived Receive(Span<byte> buffer)
    {
        while (!_closed)
        {
            if (_frameLeft == 0 && !ReadDataFrameHead())
            {
                continue;
            }

            if (_frameLeft == 0)
            {
                return new WebSocketReceived(0, _frameEndsMessage, IsClose: false);
            }

            var count = ReadPayload(buffer[..(int)Math.Min(buffer.Length, _frameLeft)]);
            _frameLeft -= count;
            return new WebSocketReceived(count, _frameLeft == 0 && _frameEndsMessage, IsClose: false);
        }

        return WebSocketReceived.Closed;
    }

    /// <summary>Sends a ping; the server's pong is only more that arrives.</summary>
    /// <exception cref="IOException">The WebSocket is closed or broke off.</exception>
    public void Ping() => _writer.Send(WebSocketOpcode.Ping, []);

    /// <summary>Ends the connection at once, without a closing handshake.</summary>
    public void Abort() => abort();

    /// <summary>Reads the head of the next frame; a control frame is handled whole here.</summary>
    /// <returns>Whether a data frame began, its payload now to read.</returns>
    private bool ReadDataFrameHead()
    {
        var first = ReadByte(atFrameStart: true);
        var second = ReadByte(atFrameStart: false);
        if ((first & 0x70) != 0)
        {
            throw new InvalidDataException("the server set a reserved bit of a WebSocket frame, for an extension rind did not ask for");
        }

        if ((second & 0x80) != 0)
        {
            throw new InvalidDataException("the server masked a WebSocket frame, which only a client may do");
        }

        var fin = (first & 0x80) != 0;
        var opcode = (WebSocketOpcode)(first & 0x0F);
        var length = ReadLength(second & 0x7F);
        if (opcode is WebSocketOpcode.Close or WebSocketOpcode.Ping or WebSocketOpcode.Pong)
        {
            HandleControl(opcode, fin, length);
            return false;
        }

        if (length > maxFrameLength)
        {
            throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture, $"the server sent a WebSocket frame of {length} bytes, more than the {maxFrameLength} rind accepts"));
        }

        switch (opcode)
        {
            case WebSocketOpcode.Continuation when !_inMessage:
                throw new InvalidDataException("the server continued a WebSocket message it had not begun");
            case WebSocketOpcode.Text or WebSocketOpcode.Binary when _inMessage:
                throw new InvalidDataException("the server began a WebSocket message before it ended the last one");
            case WebSocketOpcode.Continuation or WebSocketOpcode.Text or WebSocketOpcode.Binary:
                break;
            default:
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the server sent a WebSocket frame of unknown kind {(int)opcode}"));
        }

        _inMessage = !fin;
        _frameEndsMessage = fin;
        _frameLeft = length;
        return true;
    }

    private void HandleControl(WebSocketOpcode opcode, bool fin, long length)
    {
        if (!fin || length > MaxControlPayload)
        {
            throw new InvalidDataException("the server sent a WebSocket control frame that is split or longer than 125 bytes");
        }

        Span<byte> payload = stackalloc byte[MaxControlPayload];
        payload = payload[..(int)length];
        ReadExactly(payload);
        switch (opcode)
        {
            case WebSocketOpcode.Ping:
                _writer.Send(WebSocketOpcode.Pong, payload);
                break;
            case WebSocketOpcode.Close:
                _closed = true;
                AnswerClose(payload);
                break;
        }
    }

    /// <summary>Answers the server's close with its status code, as the protocol asks; a connection already gone needs no response.</summary>
    private void AnswerClose(ReadOnlySpan<byte> payload)
    {
        try
        {
            _writer.Send(WebSocketOpcode.Close, payload[..Math.Min(payload.Length, 2)]);
        }
        catch (IOException)
        {
            // The server may have closed the connection right after its close frame.
        }
    }

    private long ReadLength(int shortLength)
    {
        switch (shortLength)
        {
            case 126:
                Span<byte> two = stackalloc byte[2];
                ReadExactly(two);
                return BinaryPrimitives.ReadUInt16BigEndian(two);
            case 127:
                Span<byte> eight = stackalloc byte[8];
                ReadExactly(eight);
                var length = BinaryPrimitives.ReadUInt64BigEndian(eight);
                return length <= long.MaxValue
                    ? (long)length
                    : throw new InvalidDataException("the server sent a WebSocket frame whose length has its highest bit set");
            default:
                return shortLength;
        }
    }

    private byte ReadByte(bool atFrameStart) =>
        atFrameStart && _input.AtEnd() ? throw new IOException("the WebSocket's connection ended without a close") : _input.ReadByte();

    private void ReadExactly(Span<byte> target) => _input.ReadExactly(target);

    private int ReadPayload(Span<byte> target) => _input.Read(target);
}
