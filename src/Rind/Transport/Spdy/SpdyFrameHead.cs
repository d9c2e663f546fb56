using System.Buffers.Binary;

namespace Rind.Transport.Spdy;

/// <summary>
/// The eight bytes that begin every SPDY frame: a control frame's version and type, or a data frame's
/// stream, then the flags and the length of what follows.
/// </summary>
/// <param name="StreamId">A data frame's stream; 0 for a control frame, whose stream, if any, is in its payload.</param>
internal readonly record struct SpdyFrameHead(bool IsControl, int Version, SpdyFrameType Type, int StreamId, byte Flags, int Length)
{
    public const int Size = 8;

    public bool IsFin => (Flags & SpdyFlags.Fin) != 0;

    public static SpdyFrameHead Parse(ReadOnlySpan<byte> head)
    {
        var first = BinaryPrimitives.ReadUInt32BigEndian(head);
        var flags = head[4];
        var length = (head[5] << 16) | (head[6] << 8) | head[7];
        return (first & 0x8000_0000) != 0
            ? new SpdyFrameHead(true, (int)((first >> 16) & 0x7FFF), (SpdyFrameType)(first & 0xFFFF), 0, flags, length)
            : new SpdyFrameHead(false, 0, 0, (int)first, flags, length);
    }

    public static void WriteControl(Span<byte> head, SpdyFrameType type, byte flags, int length)
    {
        BinaryPrimitives.WriteUInt32BigEndian(head, 0x8000_0000u | ((uint)SpdyConnection.Version << 16) | (ushort)type);
        WriteFlagsAndLength(head, flags, length);
    }

    public static void WriteData(Span<byte> head, int streamId, byte flags, int length)
    {
        BinaryPrimitives.WriteUInt32BigEndian(head, (uint)streamId & 0x7FFF_FFFF);
        WriteFlagsAndLength(head, flags, length);
    }

    private static void WriteFlagsAndLength(Span<byte> head, byte flags, int length)
    {
        head[4] = flags;
        head[5] = (byte)(length >> 16);
        head[6] = (byte)(length >> 8);
        head[7] = (byte)length;
    }
}
