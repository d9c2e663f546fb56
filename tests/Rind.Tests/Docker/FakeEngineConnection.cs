using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Rind.Tests.Docker;

/// <summary>
/// The fake engine's end of one connection: HTTP/1.1 requests while the connection speaks HTTP, raw bytes once
/// it was upgraded. Bytes that arrive past the end of a request are kept for whatever reads next.
/// </summary>
internal sealed class FakeEngineConnection(Socket socket) : IDisposable
{
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    private int BufferedCount => _end - _start;

    private ReadOnlySpan<byte> Buffered => _buffer.AsSpan(_start, BufferedCount);

    /// <summary>The next request, or null when the client closed the connection between two requests.</summary>
    public async Task<RecordedRequest?> ReadRequestAsync(CancellationToken cancellationToken)
    {
        int headLength;
        while ((headLength = Buffered.IndexOf(HeadEnd)) < 0)
        {
            if (!await FillAsync(cancellationToken))
            {
                return BufferedCount == 0
                    ? null
                    : throw new InvalidDataException("the connection ended inside a request's headers");
            }
        }

        var head = Encoding.ASCII.GetString(Buffered[..headLength]);
        _start += headLength + HeadEnd.Length;

        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3)
        {
            throw new InvalidDataException($"not an HTTP request line: {lines[0]}");
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"not an HTTP header: {line}");
            }

            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        byte[] body;
        if (RecordedRequest.HeaderIn(headers, "Transfer-Encoding") is { } coding
            && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedBodyAsync(cancellationToken);
        }
        else if (RecordedRequest.HeaderIn(headers, "Content-Length") is { } length)
        {
            body = await ReceiveExactlyAsync(int.Parse(length, NumberStyles.None, CultureInfo.InvariantCulture), cancellationToken);
        }
        else
        {
            body = [];
        }

        return new RecordedRequest(requestLine[0], requestLine[1], requestLine[2], headers, body);
    }

    /// <summary>Waits for exactly <paramref name="count"/> bytes from the client.</summary>
    public async Task<byte[]> ReceiveExactlyAsync(int count, CancellationToken cancellationToken)
    {
        while (BufferedCount < count)
        {
            if (!await FillAsync(cancellationToken))
            {
                throw new EndOfStreamException(
                    $"the client ended the connection {count - BufferedCount} of {count} bytes short");
            }
        }

        var bytes = Buffered[..count].ToArray();
        _start += count;
        return bytes;
    }

    /// <summary>One read, as a socket does it: 0 means the client will send nothing more.</summary>
    public async Task<int> ReceiveAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (BufferedCount > 0)
        {
            var count = Math.Min(BufferedCount, destination.Length);
            Buffered[..count].CopyTo(destination.Span);
            _start += count;
            return count;
        }

        return await socket.ReceiveAsync(destination, SocketFlags.None, cancellationToken);
    }

    public async Task SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await socket.SendAsync(bytes, SocketFlags.None, cancellationToken);
            bytes = bytes[sent..];
        }
    }

    public Task SendAsync(string text, CancellationToken cancellationToken) =>
        SendAsync(Encoding.UTF8.GetBytes(text), cancellationToken);

    /// <summary>Tells the client the engine will send nothing more, leaving the other direction open.</summary>
    public void CloseOutput() => socket.Shutdown(SocketShutdown.Send);

    public void Dispose() => socket.Dispose();

    private async Task<byte[]> ReadChunkedBodyAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(cancellationToken);
            var size = int.Parse(sizeLine.Split(';', 2)[0].Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                // Trailers, if any, end with an empty line.
                while ((await ReadLineAsync(cancellationToken)).Length > 0)
                {
                }

                return body.ToArray();
            }

            body.Write(await ReceiveExactlyAsync(size, cancellationToken));
            if ((await ReadLineAsync(cancellationToken)).Length != 0)
            {
                throw new InvalidDataException("a chunk is longer than its size says");
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        int length;
        while ((length = Buffered.IndexOf(LineEnd)) < 0)
        {
            if (!await FillAsync(cancellationToken))
            {
                throw new InvalidDataException("the connection ended inside a line");
            }
        }

        var line = Encoding.ASCII.GetString(Buffered[..length]);
        _start += length + LineEnd.Length;
        return line;
    }

    /// <summary>Receives more bytes into the buffer; false when the client will send nothing more.</summary>
    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (BufferedCount == 0)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, BufferedCount);
                _end = BufferedCount;
                _start = 0;
            }
            else
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }

        var received = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
        _end += received;
        return received > 0;
    }
}
