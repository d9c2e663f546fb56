using Rind.Transport.Dialing;

namespace Rind.Transport.Http;

/// <summary>
/// A connection the server switched from HTTP to another protocol (101): raw bytes. What
/// arrived together with the switch is read first, then the connection itself; writes go straight to
/// it. Only the connection can end its sending half alone, which is how the command learns its stdin
/// ended while its output still arrives.
/// </summary>
internal sealed class UpgradedStream(byte[] arrivedWithHead, DialedConnection connection) : Stream
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

    /// <summary>Ends what rind sends, while what the server sends keeps arriving.</summary>
    public void CloseWrite() => connection.CloseWrite();

    /// <summary>Makes a read that waits longer than <paramref name="limit"/> fail; null for no limit.</summary>
    public void LimitReceiveWait(TimeSpan? limit) => connection.LimitReceiveWait(limit);

    /// <summary>Breaks the connection off, from any thread: a read or write that waits on it ends.</summary>
    public void Abort() => connection.Abort();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) =>
        TakeEarlyBytes(buffer) is var early and > 0 ? early : connection.Stream.Read(buffer);

    public override void Write(byte[] buffer, int offset, int count) => connection.Stream.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => connection.Stream.Write(buffer);

    public override void Flush() => connection.Stream.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            connection.Stream.Dispose();
        }

        base.Dispose(disposing);
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
