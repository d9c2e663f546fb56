using System.Net;

namespace Rind.Docker;

internal sealed record TcpEngineEndpoint(string Host, int Port) : EngineEndpoint
{
    /// <summary>
    /// The user info the address was written with, its password as ***; only shown, as the engine takes none.
    /// </summary>
    public string? UserInfo { get; init; }

    public override string Address => $"tcp://{(UserInfo is null ? "" : UserInfo + "@")}{HostForUri}:{Port}";

    public override EndPoint SocketEndPoint => new DnsEndPoint(Host, Port);

    public override Uri BaseAddress => new($"http://{HostForUri}:{Port}/");

    private string HostForUri => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;

    public override string ToString() => Address;
}
