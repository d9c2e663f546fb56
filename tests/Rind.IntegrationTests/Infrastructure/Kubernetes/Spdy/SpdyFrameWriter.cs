using System.Buffers.Binary;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes.Spdy;

/// <summary>
/// Writes SPDY/3 frames to a connection, one whole frame at a time from any thread. Header blocks
/// are compressed under the same lock as they are written, since the peer reads one zlib stream in
/// the order the frames arrive.
/// </summary>
internal sealed class SpdyFrameWriter(Stream connection) : IDisposable
{
    private const ushort Version = 3;

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly SpdyHeaderCompressor _compressor = new();

    /// <summary>A client's new stream, with its headers; a client's stream ids are odd.</summary>
    public Task SynStreamAsync(uint streamId, IReadOnlyList<(string Name, string Value)> headers, CancellationToken cancellationToken) =>
        WriteAsync(
            () =>
            {
                var block = _compressor.Compress(SpdyHeaderBlock.Encode(headers));
                var payload = new byte[10 + block.Length];
                BinaryPrimitives.WriteUInt32BigEndian(payload, streamId);
                block.CopyTo(payload, 10);
                return Control(SpdyFrameType.SynStream, 0, payload);
            },
            cancellationToken);

    public Task SynReplyAsync(uint streamId, IReadOnlyList<(string Name, string Value)> headers, CancellationToken cancellationToken) =>
        WriteAsync(
            () =>
            {
                var block = _compressor.Compress(SpdyHeaderBlock.Encode(headers));
                var payload = new byte[4 + block.Length];
                BinaryPrimitives.WriteUInt32BigEndian(payload, streamId);
                block.CopyTo(payload, 4);
                return Control(SpdyFrameType.SynReply, 0, payload);
            },
            cancellationToken);

    public Task DataAsync(uint streamId, ReadOnlyMemory<byte> data, bool fin, CancellationToken cancellationToken) =>
        WriteAsync(
            () =>
            {
                var frame = new byte[8 + data.Length];
                BinaryPrimitives.WriteUInt32BigEndian(frame, streamId & 0x7FFFFFFF);
                BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)data.Length | (fin ? (uint)SpdyFrameType.FlagFin << 24 : 0));
                data.Span.CopyTo(frame.AsSpan(8));
                return frame;
            },
            cancellationToken);

    public Task PingAsync(uint id, CancellationToken cancellationToken) =>
        WriteAsync(() => Control(SpdyFrameType.Ping, 0, Words(id)), cancellationToken);

    public Task RstStreamAsync(uint streamId, uint status, CancellationToken cancellationToken) =>
        WriteAsync(() => Control(SpdyFrameType.RstStream, 0, Words(streamId, status)), cancellationToken);

    public Task WindowUpdateAsync(uint streamId, uint delta, CancellationToken cancellationToken) =>
        WriteAsync(() => Control(SpdyFrameType.WindowUpdate, 0, Words(streamId, delta)), cancellationToken);

    /// <summary>GOAWAY with status OK: no stream after <paramref name="lastGoodStreamId"/> was taken.</summary>
    public Task GoAwayAsync(uint lastGoodStreamId, CancellationToken cancellationToken) =>
        WriteAsync(() => Control(SpdyFrameType.GoAway, 0, Words(lastGoodStreamId, 0)), cancellationToken);

    public void Dispose()
    {
        _compressor.Dispose();
        _lock.Dispose();
    }

    private static byte[] Control(ushort type, byte flags, byte[] payload)
    {
        var frame = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, 0x80000000u | (uint)Version << 16 | type);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)flags << 24 | (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }

    private static byte[] Words(params uint[] words)
    {
        var bytes = new byte[words.Length * 4];
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 4), words[i]);
        }

        return bytes;
    }

    private async Task WriteAsync(Func<byte[]> frame, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await connection.WriteAsync(frame(), cancellationToken);
            await connection.FlushAsync(cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }
}
