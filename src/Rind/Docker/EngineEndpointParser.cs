using System.Globalization;

namespace Rind.Docker;

/// <summary>
/// Reads an engine address (DOCKER_HOST, --host, a context's host) the way the Docker CLI does.
/// A password in an address is never shown: messages and the endpoint's address show it as ***.
/// </summary>
internal static class EngineEndpointParser
{
    public const string DefaultSocketPath = "/var/run/docker.sock";

    /// <summary>The engine's unencrypted TCP port, used when the address names none.</summary>
    public const int DefaultTcpPort = 2375;

    /// <summary>The engine's TLS port, used when the address names none and TLS is on.</summary>
    public const int DefaultTlsPort = 2376;

    /// <param name="address">An address as DOCKER_HOST, --host or a context give it.</param>
    /// <param name="tls">Whether TLS is on, which changes the default TCP port.</param>
    /// <param name="source">Where the address came from (DOCKER_HOST, --host, ...), for error messages.</param>
    public static EngineEndpoint Parse(string? address, bool tls = false, string? source = null)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return new UnixEngineEndpoint(DefaultSocketPath);
        }

        var value = address.Trim();
        var shown = WithoutPassword(value);
        var named = source is null ? shown : $"{shown} (from {source})";
        if (value.StartsWith("unix://", StringComparison.Ordinal))
        {
            var path = value["unix://".Length..];
            return new UnixEngineEndpoint(path.Length == 0 ? DefaultSocketPath : path);
        }

        if (value.StartsWith("tcp://", StringComparison.Ordinal))
        {
            // The Docker CLI reads past user info here: the engine takes none. It is kept only to show the address.
            var rest = value["tcp://".Length..].TrimEnd('/');
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var at = (slash < 0 ? rest : rest[..slash]).LastIndexOf('@');
            var (host, port) = SplitHostAndPort(named, "tcp", rest[(at + 1)..]);
            return new TcpEngineEndpoint(host, port ?? (tls ? DefaultTlsPort : DefaultTcpPort))
            {
                UserInfo = at <= 0 ? null : UserInfoWithoutPassword(rest[..at]),
            };
        }

        if (value.StartsWith("ssh://", StringComparison.Ordinal))
        {
            return ParseSsh(value, named);
        }

        throw new RindException(
            $"{named} is not an engine address rind can use: give unix:///path/to/docker.sock, tcp://host[:port] " +
            "or ssh://[user@]host[:port]");
    }

    private static SshEngineEndpoint ParseSsh(string original, string named)
    {
        var rest = original["ssh://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var path = slash < 0 || slash == rest.Length - 1 ? null : rest[slash..];
        var authority = slash < 0 ? rest : rest[..slash];
        var at = authority.LastIndexOf('@');
        var user = at < 0 ? null : authority[..at];
        if (user is { Length: 0 })
        {
            throw new RindException($"{named} is not a valid address: give ssh://[user@]host[:port]");
        }

        // The Docker CLI refuses a password in plain text too: ssh asks for it, or a key or an agent does without.
        if (user?.Contains(':', StringComparison.Ordinal) == true)
        {
            throw new RindException($"{named} holds a password, which an ssh:// address cannot: give ssh://[user@]host[:port] and let ssh log in");
        }

        var (host, port) = SplitHostAndPort(named, "ssh", authority[(at + 1)..]);
        return new SshEngineEndpoint(user, host, port, path);
    }

    private static (string Host, int? Port) SplitHostAndPort(string named, string scheme, string hostAndPort)
    {
        string host;
        string? port = null;
        if (hostAndPort.StartsWith('['))
        {
            var close = hostAndPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Invalid(named, scheme);
            }

            host = hostAndPort[1..close];
            var rest = hostAndPort[(close + 1)..];
            if (rest.Length > 0)
            {
                port = rest.StartsWith(':') ? rest[1..] : throw Invalid(named, scheme);
            }
        }
        else
        {
            var colon = hostAndPort.LastIndexOf(':');
            host = colon < 0 ? hostAndPort : hostAndPort[..colon];
            port = colon < 0 ? null : hostAndPort[(colon + 1)..];
        }

        if (host.Length == 0 || host.Contains('/', StringComparison.Ordinal))
        {
            throw Invalid(named, scheme);
        }

        if (port is null || port.Length == 0)
        {
            return (host, null);
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            throw Invalid(named, scheme);
        }

        return (host, number);
    }

    /// <summary>The address as messages show it: a password in its user info shown as ***.</summary>
    /// <remarks>
    /// User info runs to the last @, as the Docker CLI reads it; a colon before any slash or bracket ends its user
    /// name. Anything that may be a password is hidden, even where the address would not be read so.
    /// </remarks>
    private static string WithoutPassword(string address)
    {
        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + "://".Length;
        var at = address.LastIndexOf('@');
        if (at < start)
        {
            return address;
        }

        var colon = address.IndexOf(':', start, at - start);
        return colon < 0 || address.AsSpan(start, colon - start).ContainsAny('/', '[')
            ? address
            : address[..colon] + ":***" + address[at..];
    }

    private static string UserInfoWithoutPassword(string userInfo) =>
        userInfo.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? userInfo[..colon] + ":***" : userInfo;

    private static RindException Invalid(string named, string scheme) =>
        new($"{named} is not a valid address: give {scheme}://host[:port]");
}
