using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Rind.Transport.Dialing;
using Rind.Transport.Http;

namespace Rind.Transport.Proxies;

/// <summary>
/// A way to the API server through an HTTP(S) proxy: a connection to the proxy (TLS to an https:// one,
/// checked against the system's authorities), then CONNECT host:port, after which the connection carries
/// the server's own bytes, TLS and all.
/// </summary>
internal static class ProxyTunnel
{
    /// <returns>The proxy's socket, which aborts everything on it, and the tunnel's stream.</returns>
    /// <exception cref="TransportException">The proxy cannot be reached, or refused the tunnel.</exception>
    /// <exception cref="CallTimeoutException">The deadline passed first.</exception>
    public static (Socket Socket, Stream Stream) Open(Uri proxy, string host, int port, RequestDeadline deadline)
    {
        var named = Name(proxy);
        var socket = SocketConnection.Connect(new DnsEndPoint(proxy.DnsSafeHost, proxy.Port), deadline, exception => $"the proxy {named} cannot be reached ({exception.Message})");
        try
        {
            using (deadline.OnExpiry(socket.Dispose))
            {
                Stream stream = new NetworkStream(socket, ownsSocket: true);
                var toProxy = proxy.Scheme == Uri.UriSchemeHttps
                    ? TlsHandshake.Secure(
                        socket,
                        stream,
                        new SslClientAuthenticationOptions { TargetHost = proxy.DnsSafeHost },
                        deadline,
                        exception => $"the proxy {named} failed ({exception.Message})")
                    : new DialedConnection(stream, () => SocketConnection.CloseWrite(socket), socket.Dispose, socket);
                var authority = host.Contains(':', StringComparison.Ordinal)
                    ? string.Create(CultureInfo.InvariantCulture, $"[{host}]:{port}")
                    : string.Create(CultureInfo.InvariantCulture, $"{host}:{port}");
                var connection = new HttpConnection(toProxy);
                var head = connection.Send(new HttpRequest("CONNECT", authority) { Headers = Credentials(proxy) }, authority);
                if (!head.IsSuccess)
                {
                    throw new TransportException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"the proxy {named} refused the way to {authority} (HTTP {head.StatusCode})") +
                        (head.StatusCode == (int)HttpStatusCode.ProxyAuthenticationRequired ? "; it wants credentials, as user:password@ in its address" : ""));
                }

                return (socket, connection.TakeUpgradedStream());
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or ObjectDisposedException)
        {
            socket.Dispose();
            if (exception is TransportException)
            {
                throw;
            }

            if (deadline.HasPassed)
            {
                throw new CallTimeoutException(deadline.Limit, exception);
            }

            var why = exception is ResponseCutShortException { Unanswered: true } ? "it closed the connection without answering" : exception.Message;
            throw new TransportException($"the proxy {named} failed ({why})", exception);
        }
    }

    /// <summary>The proxy as messages show it: without its password.</summary>
    public static string Name(Uri proxy) => $"{proxy.Scheme}://{proxy.Authority}";

    /// <summary>Basic credentials from the proxy's address, as Go sends them.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> Credentials(Uri proxy)
    {
        if (string.IsNullOrEmpty(proxy.UserInfo))
        {
            return [];
        }

        var parts = proxy.UserInfo.Split(':', 2);
        var pair = Uri.UnescapeDataString(parts[0]) + ":" + (parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        return [new("Proxy-Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)))];
    }
}
