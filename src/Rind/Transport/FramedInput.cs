namespace Rind.Transport;

/// <summary>
/// The reading side of a framed protocol's connection (WebSocket, SPDY): heads read from a buffer a few
/// bytes at a time, payloads straight into the caller's buffer when it is large, so that bulk output is
/// copied once. Reads block.
/// </summary>
/// <param name="name">What messages call the connection: "the WebSocket's connection".</param>
internal sealed class FramedInput(Stream stream, string name)
{
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>Whether the stream ended where a frame may begin: nothing is buffered, and nothing more comes.</summary>
    public bool AtEnd() => _start == _end && !Fill();

    /// <exception cref="IOException">The stream ended, or broke.</exception>
    public byte ReadByte()
    {
        if (_start == _end && !Fill())
        {
            throw EndedInsideFrame();
        }

        return _buffer[_start++];
    }

    public void ReadExactly(Span<byte> target)
    {
        while (!target.IsEmpty)
        {
            target = target[Read(target)..];
        }
    }

    /// <summary>Reads at least one byte of what follows, from what is buffered, else straight into a large target.</summary>
    public int Read(Span<byte> target)
    {
        if (_start == _end)
        {
            if (target.Length >= _buffer.Length)
            {
                var direct = ReadStream(target);
                return direct > 0 ? direct : throw EndedInsideFrame();
            }

            if (!Fill())
            {
                throw EndedInsideFrame();
            }
        }

        var count = Math.Min(target.Length, _end - _start);
        _buffer.AsSpan(_start, count).CopyTo(target);
        _start += count;
        return count;
    }

    /// <summary>Passes over up to <paramref name="count"/> bytes, at least one, and says how many.</summary>
    public int Skip(int count)
    {
        if (_start == _end && !Fill())
        {
            throw EndedInsideFrame();
        }

        var skipped = Math.Min(count, _end - _start);
        _start += skipped;
        return skipped;
    }

    private IOException EndedInsideFrame() => new($"{name} ended inside a frame");

    /// <returns>false at the end of the stream.</returns>
    private bool Fill()
    {
        _start = 0;
        _end = ReadStream(_buffer);
        return _end > 0;
    }

    private int ReadStream(Span<byte> target)
    {
        try
        {
            return stream.Read(target);
        }
        catch (ObjectDisposedException exception)
        {
            throw new IOException($"{name} was closed", exception);
        }
    }
}
