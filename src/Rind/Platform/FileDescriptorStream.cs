using System.Runtime.InteropServices;

namespace Rind.Platform;

/// <summary>
/// One of the process's own file descriptors, read and written with plain read(2) and write(2).
/// </summary>
/// <remarks>
/// A FileStream over a regular file reads and writes at an offset it keeps to itself, and never moves
/// the descriptor's shared one: in <c>{ echo a; rind …; echo b; } &gt; log</c> the second echo would
/// then write over rind's output. read(2) and write(2) move the shared offset, as any Unix program does.
/// </remarks>
internal sealed class FileDescriptorStream(int descriptor, FileAccess access) : Stream
{
    public override bool CanRead => access.HasFlag(FileAccess.Read);

    public override bool CanWrite => access.HasFlag(FileAccess.Write);

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>
    /// A stream for <paramref name="descriptor"/>, or <see cref="Stream.Null"/> when it is closed (as after
    /// <c>&lt;&amp;-</c>): that reads as empty and swallows writes, and no socket rind opens later under
    /// the same number is ever mistaken for it.
    /// </summary>
    public static Stream OpenOrNull(int descriptor, FileAccess access)
    {
        var poll = new NativeMethods.PollDescriptor { Descriptor = descriptor };
        var closed = NativeMethods.Poll(ref poll, 1, timeoutMilliseconds: 0) == 1
            && (poll.ReturnedEvents & NativeMethods.PollInvalid) != 0;
        return closed ? Null : new FileDescriptorStream(descriptor, access);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override unsafe int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        fixed (byte* start = buffer)
        {
            while (true)
            {
                var read = NativeMethods.Read(descriptor, start, (nuint)buffer.Length);
                if (read >= 0)
                {
                    return (int)read;
                }

                WaitToRetry(NativeMethods.PollIn);
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var written = 0;
            while (written < buffer.Length)
            {
                var result = NativeMethods.Write(descriptor, start + written, (nuint)(buffer.Length - written));
                if (result > 0)
                {
                    written += (int)result;
                }
                else if (result == 0)
                {
                    throw new IOException($"writing to descriptor {descriptor} made no progress");
                }
                else
                {
                    WaitToRetry(NativeMethods.PollOut);
                }
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>
    /// After a failed call: returns when trying again makes sense (a signal interrupted it, or a descriptor
    /// someone set non-blocking is ready now), and throws for every other error.
    /// </summary>
    private void WaitToRetry(short readiness)
    {
        var error = Marshal.GetLastPInvokeError();
        if (error == NativeMethods.Interrupted)
        {
            return;
        }

        if (error == NativeMethods.WouldBlock)
        {
            var poll = new NativeMethods.PollDescriptor { Descriptor = descriptor, Events = readiness };
            NativeMethods.Poll(ref poll, 1, timeoutMilliseconds: -1);
            return;
        }

        throw new IOException(Marshal.GetPInvokeErrorMessage(error), error);
    }
}
