using System.Collections.Concurrent;

namespace Rind.Tests.Backends.Contract;

/// <summary>
/// The reading end of a connection whose bytes the test sends while rind reads: a read blocks until the
/// test sends more, ends the stream, or breaks it off.
/// </summary>
internal sealed class LiveOutputStream : Stream
{
    /// <summary>How long a read waits for the test before it fails, so that a case that forgot to end its command fails rather than hangs.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>What the test sent, in order; null where it broke the connection off.</summary>
    private readonly BlockingCollection<byte[]?> _pieces = [];
    private byte[] _current = [];
    private int _offset;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public void Send(byte[] bytes) => _pieces.Add(bytes);

    public void End() => _pieces.CompleteAdding();

    public void BreakOff()
    {
        _pieces.Add(null);
        _pieces.CompleteAdding();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_offset == _current.Length)
        {
            if (!_pieces.TryTake(out var piece, Patience))
            {
                if (_pieces.IsCompleted)
                {
                    return 0;
                }

                throw new IOException($"the test sent nothing for {Patience.TotalSeconds} s");
            }

            _current = piece ?? throw new IOException("Connection reset by peer");
            _offset = 0;
        }

        var length = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsSpan(_offset, length).CopyTo(buffer);
        _offset += length;
        return length;
    }

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
