using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Rind.Platform;
using Rind.Transport.Dialing;

namespace Rind.Docker.Dialing;

/// <summary>
/// TLS connections to a tcp:// engine, with the engine's certificate checked against ca.pem and
/// rind's client certificate from cert.pem and key.pem, as the Docker CLI does it.
/// </summary>
internal sealed class TlsDialer(TcpEngineEndpoint endpoint, TlsSettings tls) : IDialer
{
    private readonly Lazy<X509Certificate2?> _clientCertificate = new(
        () => tls.CertFile is not null && tls.KeyFile is not null ? LoadClientCertificate(tls.CertFile, tls.KeyFile) : null);

    private readonly Lazy<X509ChainPolicy?> _trust = new(() => tls.VerifyServer && tls.CaFile is not null ? ServerCertificate.TrustingOnly(LoadAuthorities(tls.CaFile)) : null);

    /// <summary>An engine that wants a client certificate drops the connection after the handshake when it gets none.</summary>
    public string? FailureHint => tls.CertFile is null
        ? "it may want a client certificate, and rind had none to send (cert.pem and key.pem in DOCKER_CERT_PATH)"
        : null;

    public DialedConnection Dial(RequestDeadline deadline)
    {
        var check = new CertificateCheck(tls.VerifyServer ? Describe : null);
        var options = check.Options(endpoint.Host, _clientCertificate.Value, _trust.Value);

        // ca.pem alone is trusted, or nothing is checked: the system's authorities would be read for nothing.
        if (_trust.Value is not null || !tls.VerifyServer)
        {
            SystemTrustStore.LeaveAside();
        }

        var socket = SocketDialer.Connect(endpoint, deadline);
        return TlsHandshake.Secure(
            socket,
            new NetworkStream(socket, ownsSocket: true),
            options,
            deadline,
            _ => $"TLS with the engine at {endpoint.Address} failed: {check.Refusal ?? "the engine ended the handshake"}; " +
                "check the files in DOCKER_CERT_PATH (or the context's TLS files)");
    }

    private string Describe(CertificateProblem problem) => problem switch
    {
        CertificateProblem.Missing => "the engine sent no certificate",
        CertificateProblem.NotValidNow => "the engine's certificate has expired or is not valid yet",
        CertificateProblem.UnknownAuthority => $"the engine's certificate is not signed by {tls.CaFile ?? "an authority this system trusts"}",
        _ => $"the engine's certificate is not made out to {endpoint.Host}",
    };

    private static X509Certificate2 LoadClientCertificate(string certFile, string keyFile)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(certFile, keyFile);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new TransportException($"cannot load the client certificate {certFile} with its key {keyFile}: {exception.Message}", exception);
        }
    }

    private static X509Certificate2Collection LoadAuthorities(string caFile)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(caFile);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new TransportException($"cannot load the certificate authority {caFile}: {exception.Message}", exception);
        }

        return authorities.Count > 0
            ? authorities
            : throw new TransportException($"{caFile} holds no certificate");
    }
}
