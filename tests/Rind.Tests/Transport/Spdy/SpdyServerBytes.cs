using System.Buffers.Binary;
using System.Text;
using Rind.Tests.Transport.Http;
using Rind.Transport.Spdy;

namespace Rind.Tests.Transport.Spdy;

/// <summary>SPDY/3 frames as a server sends them, built by hand, and the client's frames read back by hand.</summary>
internal static class SpdyServerBytes
{
    /// <summary>A zlib stream's opening as SPDY's header compression has it: deflate, the dictionary's id.</summary>
    public static readonly byte[] ZlibOpening = [0x78, 0xBB, 0xE3, 0xC6, 0xA7, 0xC2];

    public static byte[] Control(SpdyFrameType type, byte flags, byte[] payload)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteUInt16BigEndian(head, 0x8003);
        BinaryPrimitives.WriteUInt16BigEndian(head.AsSpan(2), (ushort)type);
        head[4] = flags;
        head[5] = (byte)(payload.Length >> 16);
        head[6] = (byte)(payload.Length >> 8);
        head[7] = (byte)payload.Length;
        return [.. head, .. payload];
    }

    public static byte[] Data(int streamId, byte[] payload, bool fin = false)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, streamId);
        head[4] = fin ? (byte)1 : (byte)0;
        head[5] = (byte)(payload.Length >> 16);
        head[6] = (byte)(payload.Length >> 8);
        head[7] = (byte)payload.Length;
        return [.. head, .. payload];
    }

    /// <summary>A reply whose header block is <paramref name="block"/>, compressed already.</summary>
    public static byte[] SynReply(int streamId, byte[] block, bool fin = false) =>
        Control(SpdyFrameType.SynReply, fin ? (byte)1 : (byte)0, [.. Number(streamId), .. block]);

    public static byte[] Ping(uint id) => Control(SpdyFrameType.Ping, 0, Number((int)id));

    public static byte[] InitialWindow(int size) => Control(SpdyFrameType.Settings, 0, [.. Number(1), .. Number(7), .. Number(size)]);

    public static byte[] WindowUpdate(int streamId, int delta) => Control(SpdyFrameType.WindowUpdate, 0, [.. Number(streamId), .. Number(delta)]);

    public static byte[] RstStream(int streamId, int status) => Control(SpdyFrameType.RstStream, 0, [.. Number(streamId), .. Number(status)]);

    /// <summary>A header block as one stored deflate block, opening the zlib stream when <paramref name="first"/>.</summary>
    public static byte[] StoredBlock(bool first, params (string Name, string Value)[] headers)
    {
        var plain = new List<byte>(Number(headers.Length));
        foreach (var (name, value) in headers)
        {
            plain.AddRange(Number(name.Length));
            plain.AddRange(Encoding.ASCII.GetBytes(name));
            plain.AddRange(Number(value.Length));
            plain.AddRange(Encoding.ASCII.GetBytes(value));
        }

        var length = plain.Count;
        byte[] stored = [0, (byte)length, (byte)(length >> 8), (byte)~length, (byte)(~length >> 8), .. plain];
        return first ? [.. ZlibOpening, .. stored] : stored;
    }

    public static byte[] Number(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);

    /// <summary>A client over a stream that hands out <paramref name="frames"/>, then its end.</summary>
    public static (SpdyConnection Client, ScriptedConnectionStream Stream) Client(params byte[][] frames)
    {
        var stream = new ScriptedConnectionStream(Encoding.Latin1.GetString([.. frames.SelectMany(frame => frame)]));
        return (new SpdyConnection(stream, stream.Dispose), stream);
    }

    /// <summary>The client's frames as they went out, each checked to be whole.</summary>
    public static List<SentFrame> ClientFrames(ScriptedConnectionStream stream) => Frames(Encoding.Latin1.GetBytes(stream.Written));

    public static List<SentFrame> Frames(byte[] bytes)
    {
        var frames = new List<SentFrame>();
        var at = 0;
        while (at < bytes.Length)
        {
            var head = SpdyFrameHead.Parse(bytes.AsSpan(at, 8));
            Assert.True(at + 8 + head.Length <= bytes.Length, "a frame was cut short");
            frames.Add(new SentFrame(head, bytes.AsSpan(at + 8, head.Length).ToArray()));
            at += 8 + head.Length;
        }

        return frames;
    }

    internal sealed record SentFrame(SpdyFrameHead Head, byte[] Payload)
    {
        public int PayloadStream => BinaryPrimitives.ReadInt32BigEndian(Payload) & 0x7FFF_FFFF;

        public int PayloadNumber => BinaryPrimitives.ReadInt32BigEndian(Payload.AsSpan(4));
    }
}
