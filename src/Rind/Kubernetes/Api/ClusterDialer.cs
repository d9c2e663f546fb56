using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Rind.Platform;
using Rind.Transport.Dialing;
using Rind.Transport.Proxies;

namespace Rind.Kubernetes.Api;

/// <summary>
/// Connections to a cluster's API server: TCP to its host and port (or through its proxy), then TLS as
/// <see cref="ClusterTls"/> sets it up, with the client certificate of the credentials when they hold one.
/// </summary>
/// <param name="proxy">The proxy that carries the connections (<see cref="ProxyChoice"/>); null to go straight.</param>
internal sealed class ClusterDialer(ClusterAccess access, Uri? proxy) : IDialer
{
    // Made at the first connection: the client certificate may come from a credential plugin, run only then.
    private readonly Lazy<X509Certificate2?> _clientCertificate = new(() => access.Credentials.Get().ClientCertificate);
    private readonly Lazy<X509ChainPolicy?> _trust = new(() => access.CertificateAuthority is { } pem ? ClusterTls.TrustOnly(pem) : null);

    public DialedConnection Dial(RequestDeadline deadline)
    {
        var host = access.Server.DnsSafeHost;
        var port = access.Server.Port;
        Socket socket;
        Stream stream;
        if (proxy is null)
        {
            socket = SocketConnection.Connect(new DnsEndPoint(host, port), deadline, exception => exception.Message);
            stream = new NetworkStream(socket, ownsSocket: true);
        }
        else
        {
            (socket, stream) = ProxyTunnel.Open(proxy, host, port, deadline);
        }

        return access.Server.Scheme == Uri.UriSchemeHttps
            ? Secure(socket, stream, deadline)
            : new DialedConnection(stream, () => SocketConnection.CloseWrite(socket), socket.Dispose, socket);
    }

    private DialedConnection Secure(Socket socket, Stream stream, RequestDeadline deadline)
    {
        var check = ClusterTls.Check(access);
        var options = check.Options(ClusterTls.NameToCheck(access), _clientCertificate.Value, access.InsecureSkipTlsVerify ? null : _trust.Value);

        // The system's authorities are of no use when the kubeconfig's alone are trusted, or none is; an
        // https:// proxy's certificate is checked against them, so they stay for it.
        if ((access.CertificateAuthority is not null || access.InsecureSkipTlsVerify) && proxy?.Scheme != Uri.UriSchemeHttps)
        {
            SystemTrustStore.LeaveAside();
        }

        return TlsHandshake.Secure(
            socket,
            stream,
            options,
            deadline,
            exception => check.Refusal is { } refusal ? $"its certificate was not accepted: {refusal}" : $"TLS with it failed ({exception.Message})");
    }
}
