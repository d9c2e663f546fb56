using System.Buffers.Binary;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes.Spdy;

/// <summary>Reads SPDY/3 frames off a connection, one at a time.</summary>
internal sealed class SpdyFrameReader(Stream connection)
{
    /// <summary>The next frame; null when the connection ended between frames.</summary>
    public async Task<SpdyFrame?> ReadAsync(CancellationToken cancellationToken)
    {
        var header = new byte[8];
        if (!await FillAsync(header, cancellationToken))
        {
            return null;
        }

        var first = BinaryPrimitives.ReadUInt32BigEndian(header);
        var flags = header[4];
        var length = (int)(BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4)) & 0xFFFFFF);
        var payload = new byte[length];
        if (!await FillAsync(payload, cancellationToken))
        {
            throw new EndOfStreamException("the connection ended inside a SPDY frame");
        }

        var isControl = (first & 0x80000000) != 0;
        return isControl
            ? new SpdyFrame(true, (ushort)(first & 0xFFFF), 0, flags, payload)
            : new SpdyFrame(false, 0, first & 0x7FFFFFFF, flags, payload);
    }

    private async Task<bool> FillAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await connection.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                return filled == 0 && buffer.Length > 0 ? false : throw new EndOfStreamException("the connection ended inside a SPDY frame");
            }

            filled += read;
        }

        return true;
    }
}
