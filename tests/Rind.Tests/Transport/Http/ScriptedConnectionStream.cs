using System.Text;

namespace Rind.Tests.Transport.Http;

/// <summary>
/// A connection's stream for protocol tests: reads hand out the bytes of a script (one at a time when
/// trickling, as a slow socket may), then the end; writes are kept to look at.
/// </summary>
internal sealed class ScriptedConnectionStream(string script, bool trickle = false) : Stream
{
    private readonly byte[] _script = Encoding.Latin1.GetBytes(script);
    private readonly MemoryStream _written = new();
    private int _position;

    public string Written => Encoding.Latin1.GetString(_written.ToArray());

    public bool IsDisposed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var take = Math.Min(trickle ? 1 : count, _script.Length - _position);
        _script.AsSpan(_position, take).CopyTo(buffer.AsSpan(offset));
        _position += take;
        return take;
    }

    public override void Write(byte[] buffer, int offset, int count) => _written.Write(buffer, offset, count);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}
