using System.Text;

namespace Rind.Tests.Docker;

/// <summary>
/// One HTTP/1.1 request as the fake engine received it: the request line, the headers in the order they came,
/// and the body with any chunked transfer coding removed.
/// </summary>
internal sealed class RecordedRequest(
    string method,
    string target,
    string version,
    IReadOnlyList<KeyValuePair<string, string>> headers,
    byte[] body)
{
    public string Method { get; } = method;

    /// <summary>The request target exactly as sent: path and query, still URL-encoded.</summary>
    public string Target { get; } = target;

    public string Version { get; } = version;

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; } = headers;

    public byte[] Body { get; } = body;

    public string Path => Target.Split('?', 2)[0];

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The values of the header <paramref name="name"/>, joined by commas; null when it was not sent.</summary>
    public string? Header(string name) => HeaderIn(Headers, name);

    /// <summary>The value of the query parameter <paramref name="name"/> as sent, without decoding it.</summary>
    public string? RawQueryValue(string name)
    {
        var parts = Target.Split('?', 2);
        if (parts.Length < 2)
        {
            return null;
        }

        return parts[1].Split('&')
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0] == name)
            .Select(pair => pair.Length == 2 ? pair[1] : "")
            .FirstOrDefault();
    }

    public override string ToString() => $"{Method} {Target}";

    internal static string? HeaderIn(IEnumerable<KeyValuePair<string, string>> headers, string name)
    {
        var values = headers
            .Where(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            .Select(header => header.Value)
            .ToList();
        return values.Count == 0 ? null : string.Join(", ", values);
    }
}
