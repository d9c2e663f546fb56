using System.Net;

namespace Rind.Docker;

/// <summary>
/// Where the Docker engine listens.
/// </summary>
internal abstract record EngineEndpoint
{
    /// <summary>The address as a user writes it in DOCKER_HOST.</summary>
    public abstract string Address { get; }

    /// <summary>The socket address to connect to.</summary>
    public abstract EndPoint SocketEndPoint { get; }

    /// <summary>The base of request URIs; also what the Host header says.</summary>
    public abstract Uri BaseAddress { get; }

    public override string ToString() => Address;
}
