using System.Globalization;

namespace Rind.Engine;

/// <summary>
/// Reads DOCKER_HOST the way the Docker CLI does.
/// </summary>
internal static class EngineEndpointParser
{
    public const string DefaultSocketPath = "/var/run/docker.sock";

    /// <summary>The engine's unencrypted TCP port, used when DOCKER_HOST names none.</summary>
    public const int DefaultTcpPort = 2375;

    public static EngineEndpoint Parse(string? dockerHost)
    {
        if (string.IsNullOrWhiteSpace(dockerHost))
        {
            return new UnixEngineEndpoint(DefaultSocketPath);
        }

        var value = dockerHost.Trim();
        if (value.StartsWith("unix://", StringComparison.Ordinal))
        {
            var path = value["unix://".Length..];
            return new UnixEngineEndpoint(path.Length == 0 ? DefaultSocketPath : path);
        }

        if (value.StartsWith("tcp://", StringComparison.Ordinal))
        {
            return ParseTcp(value, value["tcp://".Length..].TrimEnd('/'));
        }

        throw new RindException(
            $"DOCKER_HOST={value} is not an address rind can use: give unix:///path/to/docker.sock or tcp://host[:port]");
    }

    private static TcpEngineEndpoint ParseTcp(string original, string hostAndPort)
    {
        string host;
        string? port = null;
        if (hostAndPort.StartsWith('['))
        {
            var close = hostAndPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Invalid(original);
            }

            host = hostAndPort[1..close];
            var rest = hostAndPort[(close + 1)..];
            if (rest.Length > 0)
            {
                port = rest.StartsWith(':') ? rest[1..] : throw Invalid(original);
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
            throw Invalid(original);
        }

        if (port is null || port.Length == 0)
        {
            return new TcpEngineEndpoint(host, DefaultTcpPort);
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            throw Invalid(original);
        }

        return new TcpEngineEndpoint(host, number);
    }

    private static RindException Invalid(string value) =>
        new($"DOCKER_HOST={value} is not a valid address: give tcp://host[:port]");
}
