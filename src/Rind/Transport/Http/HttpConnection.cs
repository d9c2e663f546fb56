using System.Globalization;
using System.Text;
using Rind.Diagnostics;
using Rind.Transport.Dialing;

namespace Rind.Transport.Http;

/// <summary>
/// HTTP/1.1 over one connection to a server (an engine, a cluster's API server, a proxy): a request out, its
/// answer back, one at a time.
/// Reads and writes block (see <see cref="IDialer"/>).
/// </summary>
internal sealed class HttpConnection(DialedConnection connection) : IDisposable
{
    /// <summary>Room for a response's head; an engine's are a few hundred bytes.</summary>
    private const int BufferSize = 16 * 1024;

    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;

    /// <summary>Whether the last response left the connection fit for another request.</summary>
    public bool IsReusable { get; private set; } = true;

    /// <summary>Whether any byte came back since the last request went out.</summary>
    public bool HasReceived { get; private set; }

    public DialedConnection Connection => connection;

    private ReadOnlySpan<byte> Buffered => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Sends a request and reads the head of its response; the body is left to read.</summary>
    /// <param name="host">What the Host header says.</param>
    /// <exception cref="IOException">The connection broke, or ended before the response did.</exception>
    /// <exception cref="InvalidDataException">The response is not HTTP/1.x.</exception>
    /// <exception cref="ArgumentException">A header would break the request's lines.</exception>
    public HttpResponseHead Send(HttpRequest request, string host)
    {
        IsReusable = false;
        HasReceived = false;
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{request.Method} {request.Target} HTTP/1.1\r\nHost: {host}\r\n");
        var jsonBody = request.JsonBody;
        if (jsonBody is { } body)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n");
        }
        else if (request.Method is not ("GET" or "CONNECT"))
        {
            head.Append("Content-Length: 0\r\n");
        }

        if (request.Upgrade is { } protocol)
        {
            head.Append(CultureInfo.InvariantCulture, $"Connection: Upgrade\r\nUpgrade: {protocol}\r\n");
        }

        foreach (var (name, value) in request.Headers)
        {
            // A line break in a value (a token with a stray newline) would end the field and start another.
            if (name.AsSpan().IndexOfAny("\r\n:") >= 0 || value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new ArgumentException($"the header {name} holds a line break", nameof(request));
            }

            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");

        // One write for head and body: one packet, and no wait for an acknowledgement in between.
        var headBytes = Encoding.ASCII.GetBytes(head.ToString());
        var whole = new byte[headBytes.Length + (jsonBody?.Length ?? 0)];
        headBytes.CopyTo(whole, 0);
        jsonBody?.CopyTo(whole.AsMemory(headBytes.Length));
        connection.Stream.Write(whole);
        connection.Stream.Flush();

        return ReadHead();
    }

    /// <summary>Reads the whole body of the response whose head <see cref="Send"/> returned.</summary>
    /// <param name="maxLength">The most bytes of body to read: a longer response is refused, unread.</param>
    /// <exception cref="ResponseTooLargeException">The body is, or says it is, longer than <paramref name="maxLength"/>.</exception>
    public byte[] ReadBody(HttpResponseHead head, long maxLength)
    {
        var body = new BodyBuffer();
        if (head.HasNoBody)
        {
            IsReusable = head.KeepsConnectionOpen;
        }
        else if (head.IsChunked)
        {
            long size;
            while ((size = ParseChunkSize(ReadLine())) > 0)
            {
                Copy(body, size, maxLength);
                if (ReadLine() != "")
                {
                    throw new InvalidDataException("a chunk of the answer is longer than its size says");
                }
            }

            // Trailer fields, if any, up to the blank line that ends the response.
            while (ReadLine() != "")
            {
            }

            IsReusable = head.KeepsConnectionOpen;
        }
        else if (head.ContentLength is { } length)
        {
            Copy(body, length, maxLength);
            IsReusable = head.KeepsConnectionOpen;
        }
        else
        {
            // No length and no chunks: the body runs to the end of the connection.
            Copy(body, long.MaxValue, maxLength);
        }

        return body.ToArray();
    }

    /// <summary>
    /// After a 101 response: the connection as a raw stream, beginning with whatever arrived with the response's head.
    /// </summary>
    public UpgradedStream TakeUpgradedStream() => new(Buffered.ToArray(), connection);

    public void Dispose() => connection.Stream.Dispose();

    private HttpResponseHead ReadHead()
    {
        while (true)
        {
            var head = HttpResponseHead.Parse(TakeUntil(HeadEnd, inHead: true));

            // An interim answer other than the switch of protocols is followed by the real one.
            if (head.StatusCode is >= 100 and < 200 && head.StatusCode != 101)
            {
                continue;
            }

            return head;
        }
    }

    private string ReadLine() => Encoding.Latin1.GetString(TakeUntil(LineEnd, inHead: false));

    /// <summary>
    /// Reads until the buffer holds <paramref name="delimiter"/>, and takes the bytes before it (valid until the next read).
    /// </summary>
    /// <param name="inHead">Whether the bytes belong to the response's head, or else to its body; for the messages.</param>
    private ReadOnlySpan<byte> TakeUntil(byte[] delimiter, bool inHead)
    {
        int length;
        while ((length = Buffered.IndexOf(delimiter)) < 0)
        {
            if (_end - _start == BufferSize)
            {
                throw new InvalidDataException(inHead
                    ? $"the answer's head is longer than {BufferSize} bytes"
                    : $"a line of the answer is longer than {BufferSize} bytes");
            }

            if (!Fill())
            {
                throw !inHead ? new ResponseCutShortException("the connection ended inside the answer's body")
                    : _end == _start ? new ResponseCutShortException("the server closed the connection without answering") { Unanswered = true }
                    : new ResponseCutShortException("the connection ended inside the answer's head");
            }
        }

        var taken = _buffer.AsSpan(_start, length);
        _start += length + delimiter.Length;
        return taken;
    }

    /// <summary>
    /// Copies <paramref name="count"/> bytes of the body, or all up to the end of the connection when that is
    /// long.MaxValue, refusing any byte past <paramref name="maxLength"/> in all.
    /// </summary>
    private void Copy(BodyBuffer body, long count, long maxLength)
    {
        var toEnd = count == long.MaxValue;
        if (!toEnd && count > maxLength - body.Length)
        {
            throw new ResponseTooLargeException(maxLength);
        }

        var announced = count;
        while (count > 0)
        {
            if (_end == _start && !Fill())
            {
                if (toEnd)
                {
                    return;
                }

                throw new ResponseCutShortException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"the connection ended inside the answer's body, with {count} of the {announced} bytes announced still to come"));
            }

            var take = (int)Math.Min(count, _end - _start);
            if (toEnd && take > maxLength - body.Length)
            {
                throw new ResponseTooLargeException(maxLength);
            }

            body.Append(_buffer.AsSpan(_start, take));
            _start += take;
            if (!toEnd)
            {
                count -= take;
            }
        }
    }

    /// <returns>false at the end of the connection.</returns>
    private bool Fill()
    {
        if (_start > 0)
        {
            Buffered.CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        var read = connection.Stream.Read(_buffer.AsSpan(_end));
        _end += read;
        HasReceived |= read > 0;
        return read > 0;
    }

    private static long ParseChunkSize(string line)
    {
        var size = line.Split(';', 2)[0].Trim(' ', '\t');
        return long.TryParse(size, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new InvalidDataException($"the answer has a chunk size that is not one: '{UntrustedText.Show(line, 80)}'");
    }
}
