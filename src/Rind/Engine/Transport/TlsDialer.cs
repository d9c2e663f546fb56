using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rind.Engine.Transport;

/// <summary>
/// TLS connections to a tcp:// engine, with the engine's certificate checked against ca.pem and
/// rind's client certificate from cert.pem and key.pem, as the Docker CLI does it.
/// </summary>
internal sealed class TlsDialer(TcpEngineEndpoint endpoint, TlsSettings tls) : IEngineDialer
{
    private readonly Lazy<SslClientAuthenticationOptions> _options = new(() => CreateOptions(endpoint, tls));

    public async ValueTask<EngineConnection> DialAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var socket = await SocketDialer.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
        var ssl = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw new EngineTransportException(
                $"TLS with the engine at {endpoint.Address} failed ({Reason(exception)}): check that ca.pem is the " +
                "authority of the engine's certificate and that the engine accepts cert.pem (DOCKER_CERT_PATH, or the context's TLS files)",
                exception);
        }

        return new EngineConnection(ssl, () => CloseWriteAsync(ssl, socket));
    }

    /// <summary>Ends the sending half as Go's TLS does: close_notify, then the TCP half-close.</summary>
    private static async ValueTask CloseWriteAsync(SslStream ssl, Socket socket)
    {
        try
        {
            await ssl.ShutdownAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is already gone: the command has ended, and its stdin with it.
        }

        await SocketDialer.CloseWrite(socket).ConfigureAwait(false);
    }

    private static SslClientAuthenticationOptions CreateOptions(TcpEngineEndpoint endpoint, TlsSettings tls)
    {
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = endpoint.Host,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };

        if (tls.CertFile is not null && tls.KeyFile is not null)
        {
            options.ClientCertificates = [LoadClientCertificate(tls.CertFile, tls.KeyFile)];
        }

        if (!tls.VerifyServer)
        {
            options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (tls.CaFile is not null)
        {
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.AddRange(LoadAuthorities(tls.CaFile));
            options.CertificateChainPolicy = policy;
        }

        return options;
    }

    private static X509Certificate2 LoadClientCertificate(string certFile, string keyFile)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(certFile, keyFile);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new EngineTransportException($"cannot load the client certificate {certFile} with its key {keyFile}: {exception.Message}", exception);
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
            throw new EngineTransportException($"cannot load the certificate authority {caFile}: {exception.Message}", exception);
        }

        return authorities.Count > 0
            ? authorities
            : throw new EngineTransportException($"{caFile} holds no certificate");
    }

    private static string Reason(Exception exception) =>
        exception.InnerException is { } inner && exception is not AuthenticationException
            ? inner.Message
            : exception.Message.TrimEnd('.');
}
