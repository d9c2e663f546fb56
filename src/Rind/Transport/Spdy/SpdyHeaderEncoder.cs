using System.Buffers.Binary;
using System.Text;

namespace Rind.Transport.Spdy;

/// <summary>
/// The header blocks rind sends, as one zlib stream for the whole connection (as SPDY/3 asks) whose blocks
/// are all stored, not compressed: a peer's decompressor reads them like any other, rind's few headers lose
/// nothing by it, and no compressor is needed. The first block opens the stream with a zlib header that names
/// the SPDY dictionary.
/// </summary>
internal sealed class SpdyHeaderEncoder
{
    /// <summary>A stored block holds at most this much (RFC 1951, 3.2.4).</summary>
    private const int MaxStoredBlock = ushort.MaxValue;

    private bool _opened;

    /// <summary>The compressed form of one header block: its pairs, names in lower case as SPDY requires.</summary>
    public byte[] Encode(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var plain = Plain(headers);
        var blocks = Math.Max(1, (plain.Length + MaxStoredBlock - 1) / MaxStoredBlock);
        var encoded = new MemoryStream(plain.Length + (blocks * 5) + 6);
        if (!_opened)
        {
            _opened = true;

            // CMF 0x78: deflate with a 32 KiB window; FLG 0xBB: a dictionary follows, and the check bits.
            Span<byte> zlibHeader = [0x78, 0xBB, 0, 0, 0, 0];
            BinaryPrimitives.WriteUInt32BigEndian(zlibHeader[2..], SpdyHeaderDictionary.Id);
            encoded.Write(zlibHeader);
        }

        var rest = plain.AsSpan();
        do
        {
            var length = Math.Min(rest.Length, MaxStoredBlock);
            Span<byte> blockHead = [0x00, (byte)length, (byte)(length >> 8), (byte)~length, (byte)(~length >> 8)];
            encoded.Write(blockHead);
            encoded.Write(rest[..length]);
            rest = rest[length..];
        }
        while (!rest.IsEmpty);

        return encoded.ToArray();
    }

    /// <summary>The uncompressed block: the number of pairs, then each name and value behind its length, four bytes each.</summary>
    private static byte[] Plain(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var block = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, headers.Count);
        block.Write(length);
        foreach (var (name, value) in headers)
        {
            foreach (var text in (ReadOnlySpan<string>)[name.ToLowerInvariant(), value])
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
                block.Write(length);
                block.Write(bytes);
            }
        }

        return block.ToArray();
    }
}
