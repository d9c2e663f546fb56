using System.Buffers.Binary;

namespace Rind.Transport.Spdy;

/// <summary>
/// Writes a client's frames, each whole in one write, one at a time from whichever thread sends (input, the
/// terminal's size, pings, window grants). Header blocks are encoded under the same lock, as their shared
/// compression context must see them in the order they go out.
/// </summary>
internal sealed class SpdyFrameWriter(Stream stream)
{
    private readonly Lock _lock = new();
    private readonly SpdyHeaderEncoder _headers = new();
    private byte[] _frame = new byte[4 * 1024];

    /// <exception cref="IOException">The connection is closed or broke off.</exception>
    public void SynStream(int streamId, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        lock (_lock)
        {
            var block = _headers.Encode(headers);

            // The stream, no associated stream, priority 0 and slot 0, then the headers.
            var frame = Frame(SpdyFrameType.SynStream, 0, 10 + block.Length);
            BinaryPrimitives.WriteInt32BigEndian(frame, streamId);
            frame[4..10].Clear();
            block.CopyTo(frame[10..]);
            Write(SpdyFrameHead.Size + 10 + block.Length);
        }
    }

    /// <summary>One data frame; with <paramref name="fin"/>, the stream's last.</summary>
    public void Data(int streamId, ReadOnlySpan<byte> payload, bool fin)
    {
        lock (_lock)
        {
            Reserve(SpdyFrameHead.Size + payload.Length);
            SpdyFrameHead.WriteData(_frame, streamId, fin ? SpdyFlags.Fin : (byte)0, payload.Length);
            payload.CopyTo(_frame.AsSpan(SpdyFrameHead.Size));
            Write(SpdyFrameHead.Size + payload.Length);
        }
    }

    public void Ping(uint id)
    {
        lock (_lock)
        {
            BinaryPrimitives.WriteUInt32BigEndian(Frame(SpdyFrameType.Ping, 0, 4), id);
            Write(SpdyFrameHead.Size + 4);
        }
    }

    /// <summary>Lets the peer send <paramref name="delta"/> more bytes on a stream, or on the whole connection for stream 0.</summary>
    public void WindowUpdate(int streamId, int delta) => StreamAndNumber(SpdyFrameType.WindowUpdate, streamId, delta);

    /// <summary>Ends a stream the peer opened, which rind has no use for.</summary>
    public void RstStream(int streamId, int status) => StreamAndNumber(SpdyFrameType.RstStream, streamId, status);

    private void StreamAndNumber(SpdyFrameType type, int streamId, int number)
    {
        lock (_lock)
        {
            var frame = Frame(type, 0, 8);
            BinaryPrimitives.WriteInt32BigEndian(frame, streamId & 0x7FFF_FFFF);
            BinaryPrimitives.WriteInt32BigEndian(frame[4..], number);
            Write(SpdyFrameHead.Size + 8);
        }
    }

    /// <summary>Writes a control frame's head, and returns the room for its payload.</summary>
    private Span<byte> Frame(SpdyFrameType type, byte flags, int length)
    {
        Reserve(SpdyFrameHead.Size + length);
        SpdyFrameHead.WriteControl(_frame, type, flags, length);
        return _frame.AsSpan(SpdyFrameHead.Size, length);
    }

    private void Reserve(int length)
    {
        if (_frame.Length < length)
        {
            _frame = new byte[Math.Max(length, _frame.Length * 2)];
        }
    }

    private void Write(int length)
    {
        try
        {
            stream.Write(_frame, 0, length);
            stream.Flush();
        }
        catch (ObjectDisposedException exception)
        {
            throw new IOException("the SPDY connection was closed", exception);
        }
    }
}
