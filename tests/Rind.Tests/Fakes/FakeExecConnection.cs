using Rind.Transport.Dialing;
using Rind.Transport.Http;

namespace Rind.Tests.Fakes;

/// <summary>
/// An exec's hijacked stream whose output is prepared bytes and whose input is captured.
/// </summary>
internal sealed class FakeExecConnection
{
    private readonly DuplexStream _stream;
    private readonly TaskCompletionSource _inputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeExecConnection(Stream output)
    {
        _stream = new DuplexStream(output);
        Stream = new UpgradedStream([], new DialedConnection(_stream, () => _inputClosed.TrySetResult()));
    }

    public FakeExecConnection(byte[] output)
        : this(new MemoryStream(output))
    {
    }

    public UpgradedStream Stream { get; }

    public byte[] ReceivedInput => _stream.Written.ToArray();

    /// <summary>Completes when rind has closed the command's stdin.</summary>
    public Task InputClosed => _inputClosed.Task;

    public bool Disposed => _stream.Disposed;

    private sealed class DuplexStream(Stream readable) : Stream
    {
        public bool Disposed { get; private set; }

        public MemoryStream Written { get; } = new();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => readable.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            readable.ReadAsync(buffer, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (Written)
            {
                Written.Write(buffer, offset, count);
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;

            // As a socket's: closing it ends a read that waits on it.
            readable.Dispose();
            base.Dispose(disposing);
        }
    }
}
