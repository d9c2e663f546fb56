using System.Buffers.Binary;
using System.Text;
using Rind.Tests.Transport.Http;
using Rind.Transport.WebSockets;

namespace Rind.Tests.Transport.WebSockets;

/// <summary>Frames as a server sends them, built by hand, and the client's frames read back by hand.</summary>
internal static class ServerBytes
{
    /// <summary>An unmasked frame: FIN as given, the opcode, the shortest length form unless <paramref name="lengthForm"/> says which (7, 16 or 64).</summary>
    public static byte[] Frame(WebSocketOpcode opcode, byte[] payload, bool fin = true, int lengthForm = 0)
    {
        var head = new List<byte> { (byte)((fin ? 0x80 : 0) | (byte)opcode) };
        var form = lengthForm != 0 ? lengthForm : payload.Length < 126 ? 7 : payload.Length <= ushort.MaxValue ? 16 : 64;
        switch (form)
        {
            case 7:
                head.Add((byte)payload.Length);
                break;
            case 16:
                head.Add(126);
                head.AddRange(BigEndian16((ushort)payload.Length));
                break;
            default:
                head.Add(127);
                var eight = new byte[8];
                BinaryPrimitives.WriteUInt64BigEndian(eight, (ulong)payload.Length);
                head.AddRange(eight);
                break;
        }

        return [.. head, .. payload];
    }

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A client over a stream that hands out <paramref name="frames"/> (a byte at a time when trickling), then its end.</summary>
    public static (WebSocketConnection Client, ScriptedConnectionStream Stream) Client(byte[] frames, bool trickle = false, long maxFrameLength = WebSocketConnection.DefaultMaxFrameLength)
    {
        var stream = new ScriptedConnectionStream(Encoding.Latin1.GetString(frames), trickle);
        return (new WebSocketConnection(stream, stream.Dispose, maxFrameLength), stream);
    }

    /// <summary>The client's frames as they went out, each checked to be whole and masked, with its payload unmasked.</summary>
    public static List<(WebSocketOpcode Opcode, bool Fin, byte[] Mask, byte[] Payload)> ClientFrames(ScriptedConnectionStream stream)
    {
        var bytes = Encoding.Latin1.GetBytes(stream.Written);
        var frames = new List<(WebSocketOpcode, bool, byte[], byte[])>();
        var at = 0;
        while (at < bytes.Length)
        {
            var fin = (bytes[at] & 0x80) != 0;
            var opcode = (WebSocketOpcode)(bytes[at] & 0x0F);
            Assert.True((bytes[at + 1] & 0x80) != 0, "a client's frame must be masked");
            long length = bytes[at + 1] & 0x7F;
            at += 2;
            if (length == 126)
            {
                length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at));
                at += 2;
            }
            else if (length == 127)
            {
                length = (long)BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(at));
                at += 8;
            }

            var mask = bytes[at..(at + 4)];
            at += 4;
            var payload = bytes[at..(at + (int)length)];
            for (var i = 0; i < payload.Length; i++)
            {
                payload[i] ^= mask[i % 4];
            }

            at += (int)length;
            frames.Add((opcode, fin, mask, payload));
        }

        return frames;
    }

    private static byte[] BigEndian16(ushort value)
    {
        var two = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(two, value);
        return two;
    }
}
