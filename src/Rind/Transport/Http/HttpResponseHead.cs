using System.Globalization;
using System.Text;
using Rind.Diagnostics;

namespace Rind.Transport.Http;

/// <summary>
/// The status line and headers of one HTTP/1.1 response.
/// </summary>
internal sealed class HttpResponseHead
{
    private readonly Dictionary<string, string> _headers;

    private HttpResponseHead(Version version, int statusCode, Dictionary<string, string> headers)
    {
        Version = version;
        StatusCode = statusCode;
        _headers = headers;
    }

    public Version Version { get; }

    public int StatusCode { get; }

    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    /// <summary>Whether the connection may carry another request once this response's body was read.</summary>
    public bool KeepsConnectionOpen =>
        !HeaderHasToken("Connection", "close") && (Version >= new Version(1, 1) || HeaderHasToken("Connection", "keep-alive"));

    public bool IsChunked => HeaderHasToken("Transfer-Encoding", "chunked");

    /// <summary>The declared length of the body, or null when the response declares none.</summary>
    public long? ContentLength =>
        Header("Content-Length") is { } value
            ? long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                ? length
                : throw new InvalidDataException($"the answer's Content-Length '{Shorten(value)}' is not a length")
            : null;

    /// <summary>Whether the response has no body whatever its headers say (1xx, 204, 304).</summary>
    public bool HasNoBody => StatusCode is < 200 or 204 or 304;

    /// <summary>A header's value; a header given more than once has its values joined by commas.</summary>
    public string? Header(string name) => _headers.GetValueOrDefault(name);

    /// <summary>Parses the bytes of a head, from the status line up to the blank line that ends it (not included).</summary>
    /// <exception cref="InvalidDataException">The bytes are not an HTTP/1.x response's head.</exception>
    public static HttpResponseHead Parse(ReadOnlySpan<byte> head)
    {
        var lines = Encoding.Latin1.GetString(head).Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !Version.TryParse(status[0]["HTTP/".Length..], out var version)
            || status[1].Length != 3 || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var statusCode))
        {
            throw new InvalidDataException($"the answer does not begin with an HTTP/1.x status line: '{Shorten(lines[0])}'");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"the answer has a header line without a name: '{Shorten(line)}'");
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(' ', '\t');
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
        }

        return new HttpResponseHead(version, statusCode, headers);
    }

    private bool HeaderHasToken(string name, string token) =>
        Header(name) is { } value
        && value.Split(',').Any(part => part.Trim(' ', '\t').Equals(token, StringComparison.OrdinalIgnoreCase));

    /// <summary>A piece of the response as an error quotes it: bounded, its control characters as escapes.</summary>
    private static string Shorten(string text) => UntrustedText.Show(text, maxLength: 80);
}
