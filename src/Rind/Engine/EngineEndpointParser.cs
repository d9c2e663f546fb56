using System.Globalization;

namespace Rind.Engine;

/// <summary>
/// Reads an engine address (DOCKER_HOST, --host, a context's host) the way the Docker CLI does.
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
        var named = source is null ? value : $"{value} (from {source})";
        if (value.StartsWith("unix://", StringComparison.Ordinal))
        {
            var path = value["unix://".Length..];
            return new UnixEngineEndpoint(path.Length == 0 ? DefaultSocketPath : path);
        }

        if (value.StartsWith("tcp://", StringComparison.Ordinal))
        {
            var (host, port) = SplitHostAndPort(named, "tcp", value["tcp://".Length..].TrimEnd('/'));
            return new TcpEngineEndpoint(host, port ?? (tls ? DefaultTlsPort : DefaultTcpPort));
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
        if (user is { Length: 0 } || user?.Contains(':', StringComparison.Ordinal) == true)
        {
            throw new RindException($"{named} is not a valid address: give ssh://[user@]host[:port], without a password");
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

    private static RindException Invalid(string named, string scheme) =>
        new($"{named} is not a valid address: give {scheme}://host[:port]");
}
