using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Rind.Transport.Spdy;

/// <summary>
/// Reads the header blocks a peer sends: one zlib stream for the whole connection, primed with the SPDY
/// dictionary, each block flushed so that it decompresses alone. .NET's inflater takes no preset dictionary,
/// so the dictionary is fed to it first as a stored block of its own and its output thrown away: the blocks
/// that follow then find it as earlier output, which is all a preset dictionary is.
/// </summary>
/// <param name="maxBlockLength">The most bytes a block may decompress to: more is not a header block.</param>
internal sealed class SpdyHeaderDecoder(int maxBlockLength)
{
    private readonly SpdyBlockInput _input = new();
    private DeflateStream? _inflater;
    private int _zlibHeaderLeft = 6;

    /// <summary>Decompresses one block and reads its pairs; a value that holds several, split by NUL, stays whole.</summary>
    /// <exception cref="InvalidDataException">The block does not decompress, or is no header block.</exception>
    public IReadOnlyList<KeyValuePair<string, string>> Decode(ReadOnlySpan<byte> compressed)
    {
        compressed = SkipZlibHeader(compressed);
        _input.Set(compressed.ToArray());
        var inflater = _inflater ??= Primed(_input);
        var left = maxBlockLength;
        try
        {
            var count = ReadLength(inflater, ref left);
            var headers = new List<KeyValuePair<string, string>>(Math.Min(count, 64));
            for (var pair = 0; pair < count; pair++)
            {
                var name = ReadText(inflater, ref left);
                headers.Add(new(name, ReadText(inflater, ref left)));
            }

            return headers;
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("a SPDY header block ended before its last header", exception);
        }
    }

    private static DeflateStream Primed(SpdyBlockInput input)
    {
        var dictionary = SpdyHeaderDictionary.Bytes;
        var length = dictionary.Length;
        input.Prepend([0x00, (byte)length, (byte)(length >> 8), (byte)~length, (byte)(~length >> 8), .. dictionary]);
        var inflater = new DeflateStream(input, CompressionMode.Decompress);
        inflater.ReadExactly(new byte[length]);
        return inflater;
    }

    private static int ReadLength(DeflateStream inflater, ref int left)
    {
        Span<byte> bytes = stackalloc byte[4];
        Take(ref left, 4);
        inflater.ReadExactly(bytes);
        var length = BinaryPrimitives.ReadInt32BigEndian(bytes);
        return length >= 0 ? length : throw new InvalidDataException("a SPDY header block gave a negative length");
    }

    private static string ReadText(DeflateStream inflater, ref int left)
    {
        var length = ReadLength(inflater, ref left);
        Take(ref left, length);
        var bytes = new byte[length];
        inflater.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    private static void Take(ref int left, int count)
    {
        if (count > left)
        {
            throw new InvalidDataException("a SPDY header block is larger than rind reads");
        }

        left -= count;
    }

    /// <summary>The stream's first block begins with the zlib header: two bytes, and the dictionary's id when it names one.</summary>
    private ReadOnlySpan<byte> SkipZlibHeader(ReadOnlySpan<byte> compressed)
    {
        if (_zlibHeaderLeft == 6 && compressed.Length >= 2)
        {
            if ((compressed[0] & 0x0F) != 8 || ((compressed[0] << 8) | compressed[1]) % 31 != 0)
            {
                throw new InvalidDataException("the peer's first SPDY header block is no zlib stream");
            }

            if ((compressed[1] & 0x20) == 0)
            {
                _zlibHeaderLeft = 2;
            }
        }

        var skip = Math.Min(_zlibHeaderLeft, compressed.Length);
        _zlibHeaderLeft -= skip;
        return compressed[skip..];
    }
}
