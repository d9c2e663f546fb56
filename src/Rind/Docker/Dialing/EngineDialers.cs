using Rind.Transport.Dialing;
namespace Rind.Docker.Dialing;

/// <summary>
/// The dialer for an engine's address and TLS settings.
/// </summary>
internal static class EngineDialers
{
    public static IDialer Create(EngineSettings settings) => settings.Endpoint switch
    {
        SshEngineEndpoint ssh => new SshDialer(ssh),
        TcpEngineEndpoint tcp when settings.Tls is { } tls => new TlsDialer(tcp, tls),
        var endpoint => new SocketDialer(endpoint),
    };
}
