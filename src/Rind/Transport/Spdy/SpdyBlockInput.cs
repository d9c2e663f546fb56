namespace Rind.Transport.Spdy;

/// <summary>
/// What <see cref="SpdyHeaderDecoder"/>'s inflater reads: the bytes of the current header block and nothing
/// beyond them, so that it never waits for a frame that has not come.
/// </summary>
internal sealed class SpdyBlockInput : Stream
{
    private byte[] _bytes = [];
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public void Set(byte[] bytes)
    {
        _bytes = bytes;
        _position = 0;
    }

    public void Prepend(byte[] bytes) => Set([.. bytes, .. _bytes.AsSpan(_position)]);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _bytes.Length - _position);
        _bytes.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
