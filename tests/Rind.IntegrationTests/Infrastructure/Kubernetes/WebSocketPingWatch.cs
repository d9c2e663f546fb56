namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// A WebSocket server's connection, passed through unchanged, whose incoming frame headers are
/// followed to see the client's ping frames (opcode 9).
/// </summary>
internal sealed class WebSocketPingWatch(Stream connection, Action onPing) : Stream
{
    private const int PingOpcode = 9;

    // Where the parse is: the first or second header byte, the extended length, the mask, the payload.
    private int _stage;
    private int _extendedLengthLeft;
    private ulong _left;
    private bool _masked;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await connection.ReadAsync(buffer, cancellationToken);
        Follow(buffer.Span[..read]);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = connection.Read(buffer, offset, count);
        Follow(buffer.AsSpan(offset, read));
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        connection.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        connection.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => connection.Write(buffer, offset, count);

    public override void Flush() => connection.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => connection.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            connection.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Follow(ReadOnlySpan<byte> bytes)
    {
        foreach (var value in bytes)
        {
            switch (_stage)
            {
                case 0:
                    if ((value & 0x0F) == PingOpcode)
                    {
                        onPing();
                    }

                    _stage = 1;
                    break;
                case 1:
                    _masked = (value & 0x80) != 0;
                    var length = value & 0x7F;
                    _extendedLengthLeft = length switch { 126 => 2, 127 => 8, _ => 0 };
                    _left = length < 126 ? (ulong)length : 0;
                    _stage = _extendedLengthLeft > 0 ? 2 : AfterLength();
                    break;
                case 2:
                    _left = _left << 8 | value;
                    _stage = --_extendedLengthLeft > 0 ? 2 : AfterLength();
                    break;
                case 3:
                    _stage = --_extendedLengthLeft > 0 ? 3 : AfterMask();
                    break;
                default:
                    _stage = --_left > 0 ? 4 : 0;
                    break;
            }
        }
    }

    private int AfterLength()
    {
        if (_masked)
        {
            _extendedLengthLeft = 4;
            return 3;
        }

        return AfterMask();
    }

    private int AfterMask() => _left > 0 ? 4 : 0;
}
