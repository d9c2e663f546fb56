namespace Rind.Engine.Http;

/// <summary>
/// A connection after the engine switched it from HTTP to raw bytes: what arrived together with the
/// switch is read first, then the connection itself. Writes go straight to the connection.
/// </summary>
internal sealed class UpgradedStream(byte[] arrivedWithHead, Stream connection) : Stream
{
    private int _consumed;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) =>
        TakeEarlyBytes(buffer) is var early and > 0 ? early : connection.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        TakeEarlyBytes(buffer.Span) is var early and > 0 ? ValueTask.FromResult(early) : connection.ReadAsync(buffer, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => connection.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => connection.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        connection.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        connection.WriteAsync(buffer, cancellationToken);

    public override void Flush() => connection.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => connection.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            connection.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return connection.DisposeAsync();
    }

    private int TakeEarlyBytes(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, arrivedWithHead.Length - _consumed);
        if (count <= 0)
        {
            return 0;
        }

        arrivedWithHead.AsSpan(_consumed, count).CopyTo(buffer);
        _consumed += count;
        return count;
    }
}
