using System.Text;

namespace Rind.Transport.Spdy;

/// <summary>
/// The dictionary both ends of a SPDY/3 connection prime their header compression with
/// (draft-mbelshe-httpbis-spdy-00, 2.6.10.1): common header names and values, each behind its length as four
/// bytes, then status lines, dates and media types as one run of text.
/// </summary>
internal static class SpdyHeaderDictionary
{
    /// <summary>The dictionary's Adler-32, which a compressed stream names in its zlib header (DICTID).</summary>
    public const uint Id = 0xE3C6A7C2;

    private static readonly string[] LengthPrefixed =
    [
        "options", "head", "post", "put", "delete", "trace", "accept", "accept-charset", "accept-encoding",
        "accept-language", "accept-ranges", "age", "allow", "authorization", "cache-control", "connection",
        "content-base", "content-encoding", "content-language", "content-length", "content-location",
        "content-md5", "content-range", "content-type", "date", "etag", "expect", "expires", "from",
        "host", "if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since",
        "last-modified", "location", "max-forwards", "pragma", "proxy-authenticate", "proxy-authorization",
        "range", "referer", "retry-after", "server", "te", "trailer", "transfer-encoding", "upgrade",
        "user-agent", "vary", "via", "warning", "www-authenticate", "method", "get", "status", "200 OK",
        "version", "HTTP/1.1", "url", "public", "set-cookie", "keep-alive", "origin",
    ];

    // Status codes, reason phrases, dates, media types and cache words, run together as the draft has them.
    private const string Tail =
        "100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505" +
        "203 Non-Authoritative Information" + "204 No Content" + "301 Moved Permanently" + "400 Bad Request" +
        "401 Unauthorized" + "403 Forbidden" + "404 Not Found" + "500 Internal Server Error" +
        "501 Not Implemented" + "503 Service Unavailable" +
        "Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMT" +
        "chunked,text/html,image/png,image/jpg,image/gif,application/xml,application/xhtml+xml,text/plain," +
        "text/javascript,publicprivatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.";

    public static byte[] Bytes { get; } = Build();

    private static byte[] Build()
    {
        var dictionary = new List<byte>(1500);
        foreach (var word in LengthPrefixed)
        {
            dictionary.AddRange([0, 0, 0, (byte)word.Length]);
            dictionary.AddRange(Encoding.ASCII.GetBytes(word));
        }

        dictionary.AddRange(Encoding.ASCII.GetBytes(Tail));
        return [.. dictionary];
    }
}
