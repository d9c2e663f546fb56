using System.Net;

namespace Rind.Engine;

internal sealed record TcpEngineEndpoint(string Host, int Port) : EngineEndpoint
{
    public override string Address => $"tcp://{HostForUri}:{Port}";

    public override EndPoint SocketEndPoint => new DnsEndPoint(Host, Port);

    public override Uri BaseAddress => new($"http://{HostForUri}:{Port}/");

    private string HostForUri => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;

    public override string ToString() => Address;
}
