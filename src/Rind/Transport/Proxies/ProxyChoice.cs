using System.Globalization;
using System.Net;
using Rind.Diagnostics;

namespace Rind.Transport.Proxies;

/// <summary>
/// Which proxy, if any, carries the connections to the API server, as kubectl (Go's net/http) chooses:
/// the cluster's proxy-url; else HTTPS_PROXY (HTTP_PROXY for an http:// server) unless NO_PROXY names
/// the server; never one for localhost or a loopback address.
/// </summary>
internal static class ProxyChoice
{
    /// <param name="proxyUrl">The cluster's proxy-url, if it has one.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <exception cref="RindException">The proxy is of a kind rind cannot use (socks5), or its address is none.</exception>
    public static Uri? For(Uri server, Uri? proxyUrl, Func<string, string?> environment)
    {
        if (proxyUrl is not null)
        {
            return Usable(proxyUrl, "the cluster's proxy-url");
        }

        var https = server.Scheme == Uri.UriSchemeHttps;
        var variable = https ? "HTTPS_PROXY" : "HTTP_PROXY";
        var setting = Variable(environment, variable);
        if (string.IsNullOrEmpty(setting) || IsLocal(server.DnsSafeHost) || Excluded(server, Variable(environment, "NO_PROXY")))
        {
            return null;
        }

        // Go reads a proxy without a scheme as http://.
        var address = setting.Contains("://", StringComparison.Ordinal) ? setting : "http://" + setting;
        return Uri.TryCreate(address, UriKind.Absolute, out var proxy) && !string.IsNullOrEmpty(proxy.Host)
            ? Usable(proxy, variable)
            : throw new RindException($"{variable} is not a proxy's address: {UntrustedText.Show(setting)}");
    }

    private static Uri Usable(Uri proxy, string source) =>
        proxy.Scheme is "http" or "https"
            ? proxy
            : throw new RindException(
                $"{source} names a {UntrustedText.Show(proxy.Scheme)} proxy ({proxy.Host}:{proxy.Port}); rind goes through http:// and https:// proxies only");

    /// <summary>The upper-case variable, else the lower-case one, as Go reads them.</summary>
    private static string? Variable(Func<string, string?> environment, string name) =>
        environment(name) is { Length: > 0 } value ? value : environment(name.ToLowerInvariant());

    private static bool IsLocal(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    /// <summary>
    /// Whether NO_PROXY names the server: * for all; an address or a CIDR range; a domain, which also covers
    /// its subdomains (with a leading dot or *., only those); each optionally with a port.
    /// </summary>
    private static bool Excluded(Uri server, string? noProxy)
    {
        if (string.IsNullOrWhiteSpace(noProxy))
        {
            return false;
        }

        var host = server.DnsSafeHost.ToLowerInvariant();
        IPAddress.TryParse(host, out var address);
        foreach (var raw in noProxy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var entry = raw.ToLowerInvariant();
            if (entry == "*")
            {
                return true;
            }

            if (IPNetwork.TryParse(entry, out var range))
            {
                if (address is not null && range.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address))
                {
                    return true;
                }

                continue;
            }

            var (name, port) = SplitPort(entry);
            if (port is { } only && only != server.Port)
            {
                continue;
            }

            if (IPAddress.TryParse(name, out var entryAddress))
            {
                if (entryAddress.Equals(address))
                {
                    return true;
                }

                continue;
            }

            if (name.StartsWith("*.", StringComparison.Ordinal))
            {
                name = name[1..];
            }

            if (name.StartsWith('.') ? host.EndsWith(name, StringComparison.Ordinal) : host == name || host.EndsWith("." + name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static (string Name, int? Port) SplitPort(string entry)
    {
        var bracketed = entry.StartsWith('[');
        var colon = entry.LastIndexOf(':');
        var closing = entry.LastIndexOf(']');
        if (colon < 0 || (bracketed && colon < closing) || (!bracketed && entry.IndexOf(':') != colon))
        {
            return (entry.Trim('[', ']'), null);
        }

        return int.TryParse(entry.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? (entry[..colon].Trim('[', ']'), port)
            : (entry.Trim('[', ']'), null);
    }
}
