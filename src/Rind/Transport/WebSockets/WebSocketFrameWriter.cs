using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Rind.Transport.WebSockets;

/// <summary>
/// Sends a client's frames (RFC 6455, 5.2-5.3): each one whole, its payload masked with a fresh key, in one
/// write. Sends come from several threads (input, the terminal's size, the response to a ping) and never
/// interleave: one frame is written at a time.
/// </summary>
internal sealed class WebSocketFrameWriter(Stream stream)
{
    /// <summary>The longest head: two bytes, eight of length, four of mask.</summary>
    private const int MaxHeadLength = 14;

    private readonly Lock _lock = new();
    private byte[] _frame = new byte[4 * 1024];
    private bool _closeSent;

    /// <summary>Sends one frame with the FIN bit set: a whole message, or a control frame.</summary>
    /// <exception cref="IOException">The connection is closed, broke off, or a close was sent already.</exception>
    public void Send(WebSocketOpcode opcode, ReadOnlySpan<byte> payload)
    {
        lock (_lock)
        {
            if (_closeSent)
            {
                throw new IOException("the WebSocket is closed");
            }

            _closeSent = opcode == WebSocketOpcode.Close;
            var length = Frame(opcode, payload);
            try
            {
                stream.Write(_frame, 0, length);
                stream.Flush();
            }
            catch (ObjectDisposedException exception)
            {
                throw new IOException("the WebSocket's connection is closed", exception);
            }
        }
    }

    /// <summary>Lays the frame out in the buffer and returns its length.</summary>
    private int Frame(WebSocketOpcode opcode, ReadOnlySpan<byte> payload)
    {
        if (_frame.Length < MaxHeadLength + payload.Length)
        {
            _frame = new byte[MaxHeadLength + payload.Length];
        }

        _frame[0] = (byte)(0x80 | (byte)opcode);
        int head;
        if (payload.Length < 126)
        {
            _frame[1] = (byte)(0x80 | payload.Length);
            head = 2;
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            _frame[1] = 0x80 | 126;
            BinaryPrimitives.WriteUInt16BigEndian(_frame.AsSpan(2), (ushort)payload.Length);
            head = 4;
        }
        else
        {
            _frame[1] = 0x80 | 127;
            BinaryPrimitives.WriteUInt64BigEndian(_frame.AsSpan(2), (ulong)payload.Length);
            head = 10;
        }

        var mask = _frame.AsSpan(head, 4);
        RandomNumberGenerator.Fill(mask);
        var masked = _frame.AsSpan(head + 4, payload.Length);
        payload.CopyTo(masked);
        Mask(masked, mask);
        return head + 4 + payload.Length;
    }

    /// <summary>XORs the data with the key repeated, eight bytes at a time where it can.</summary>
    public static void Mask(Span<byte> data, ReadOnlySpan<byte> key)
    {
        Span<byte> repeated = stackalloc byte[8];
        key.CopyTo(repeated);
        key.CopyTo(repeated[4..]);
        var wide = MemoryMarshal.Read<ulong>(repeated);
        var words = MemoryMarshal.Cast<byte, ulong>(data[..(data.Length & ~7)]);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] ^= wide;
        }

        for (var i = data.Length & ~7; i < data.Length; i++)
        {
            data[i] ^= key[i & 3];
        }
    }
}
