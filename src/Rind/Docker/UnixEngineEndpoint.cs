using System.Net;
using System.Net.Sockets;

namespace Rind.Docker;

internal sealed record UnixEngineEndpoint(string SocketPath) : EngineEndpoint
{
    public override string Address => "unix://" + SocketPath;

    public override EndPoint SocketEndPoint => new UnixDomainSocketEndPoint(SocketPath);

    // The engine ignores the host of requests that arrive on its socket.
    public override Uri BaseAddress { get; } = new("http://localhost/");

    public override string ToString() => Address;
}
