using System.Buffers.Binary;
using Rind.Backends;

namespace Rind.Docker.Streams;

/// <summary>
/// Decodes the engine's output of a command without a terminal: frames of an 8-byte header
/// (stream kind, three zero bytes, payload length as big-endian uint32) followed by the payload.
/// Payloads are handed out in pieces as large as the caller's buffer, never copied twice.
/// </summary>
internal sealed class MultiplexedStreamReader(Stream source) : IChunkReader
{
    private const int HeaderLength = 8;

    private readonly byte[] _header = new byte[HeaderLength];
    private StreamKind _kind;
    private long _remaining;

    /// <summary>Reads the next piece of payload; a chunk of length 0 means the stream ended cleanly.</summary>
    /// <exception cref="InvalidDataException">The stream is not multiplexed, or ends inside a frame.</exception>
    public OutputChunk Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            throw new ArgumentException("The buffer must have room for at least one byte.", nameof(buffer));
        }

        while (_remaining == 0)
        {
            if (!ReadHeader())
            {
                return new OutputChunk(StreamKind.Stdout, 0);
            }
        }

        var wanted = (int)Math.Min(buffer.Length, _remaining);
        var read = source.Read(buffer[..wanted]);
        if (read == 0)
        {
            throw new InvalidDataException($"the output stream ended {_remaining} bytes before the end of a frame");
        }

        _remaining -= read;
        return new OutputChunk(_kind, read);
    }

    private bool ReadHeader()
    {
        var filled = 0;
        while (filled < HeaderLength)
        {
            var read = source.Read(_header.AsSpan(filled));
            if (read == 0)
            {
                return filled == 0
                    ? false
                    : throw new InvalidDataException($"the output stream ended {HeaderLength - filled} bytes before the end of a frame header");
            }

            filled += read;
        }

        if (_header[0] > (byte)StreamKind.SystemError || _header[1] != 0 || _header[2] != 0 || _header[3] != 0)
        {
            throw new InvalidDataException($"the output stream is not multiplexed (a frame header starts with 0x{_header[0]:x2})");
        }

        _kind = (StreamKind)_header[0];
        _remaining = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(4));
        return true;
    }
}
