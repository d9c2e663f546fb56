using System.Net;

namespace Rind.Docker;

/// <summary>
/// An engine reached through the local ssh client, which runs <c>docker system dial-stdio</c> on the remote host.
/// </summary>
/// <param name="SocketPath">The engine's socket on the remote host, when the address names one.</param>
internal sealed record SshEngineEndpoint(string? User, string Host, int? Port, string? SocketPath) : EngineEndpoint
{
    public override string Address =>
        "ssh://" + (User is null ? "" : User + "@") + Host + (Port is { } port ? ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) : "") + (SocketPath ?? "");

    public override EndPoint SocketEndPoint => throw new NotSupportedException("an ssh:// engine is reached through the ssh client, not a socket");

    // The remote end forwards whatever arrives to the engine, which ignores the host of requests.
    public override Uri BaseAddress { get; } = new("http://localhost/");

    public override string ToString() => Address;
}
