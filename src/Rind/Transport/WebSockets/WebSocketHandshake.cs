using System.Security.Cryptography;
using System.Text;
using Rind.Diagnostics;
using Rind.Transport.Http;

namespace Rind.Transport.WebSockets;

/// <summary>
/// The opening of a client WebSocket over HTTP/1.1 (RFC 6455, 4.1): the header fields that ask for it, and
/// the check of the server's 101 response, which must prove it read this very request and name one of the
/// subprotocols offered.
/// </summary>
internal static class WebSocketHandshake
{
    /// <summary>The fixed GUID the accept value is hashed with.</summary>
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>A fresh Sec-WebSocket-Key: 16 random bytes in base64.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    /// <summary>The header fields of the request, besides Connection and Upgrade (see <see cref="HttpRequest.Upgrade"/>).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Headers(string key, IReadOnlyList<string> subprotocols) =>
    [
        new("Sec-WebSocket-Key", key),
        new("Sec-WebSocket-Version", "13"),
        new("Sec-WebSocket-Protocol", string.Join(", ", subprotocols)),
    ];

    /// <summary>The Sec-WebSocket-Accept a server must answer <paramref name="key"/> with.</summary>
    public static string AcceptFor(string key) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));

    /// <summary>Checks a 101 response and returns the subprotocol the server agreed to.</summary>
    /// <exception cref="InvalidDataException">The response is no WebSocket opening for this request; the message says what is wrong.</exception>
    public static string Agreed(HttpResponseHead head, string key, IReadOnlyList<string> subprotocols)
    {
        if (!string.Equals(head.Header("Upgrade"), "websocket", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"it switched to '{UntrustedText.Show(head.Header("Upgrade") ?? "", 40)}' rather than to a WebSocket");
        }

        if (head.Header("Sec-WebSocket-Accept") != AcceptFor(key))
        {
            throw new InvalidDataException("its Sec-WebSocket-Accept does not answer rind's Sec-WebSocket-Key");
        }

        var agreed = head.Header("Sec-WebSocket-Protocol")?.Trim();
        return agreed is not null && subprotocols.Contains(agreed)
            ? agreed
            : throw new InvalidDataException($"it agreed to none of the subprotocols offered ({string.Join(", ", subprotocols)})");
    }
}
