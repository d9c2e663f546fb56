using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Rind.Kubernetes.Api;

/// <summary>
/// How rind checks the API server's certificate and shows its own, as kubectl does: the kubeconfig's CA
/// alone when it names one, the system's otherwise, or no check with insecure-skip-tls-verify.
/// </summary>
internal static class ClusterTls
{
    public static SslClientAuthenticationOptions Options(ClusterAccess access, X509Certificate2? clientCertificate)
    {
        var options = new SslClientAuthenticationOptions();
        if (clientCertificate is not null)
        {
            options.ClientCertificates = [clientCertificate];
        }

        if (access.InsecureSkipTlsVerify)
        {
            options.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
            return options;
        }

        if (access.CertificateAuthority is { } authority)
        {
            // A chain built against this store alone spares .NET reading every file of the system's
            // certificate folder at each TLS start, a tenth of a second of CPU.
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.AddRange(ReadAuthorities(authority));
            options.CertificateChainPolicy = policy;
        }

        if (access.TlsServerName is { } serverName)
        {
            options.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None
                && certificate is X509Certificate2 presented
                && presented.MatchesHostname(serverName);
        }

        return options;
    }

    private static X509Certificate2Collection ReadAuthorities(byte[] pem)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPem(Encoding.ASCII.GetString(pem));
        }
        catch (System.Security.Cryptography.CryptographicException exception)
        {
            throw new RindException($"the cluster's certificate authority in the kubeconfig cannot be read ({exception.Message})", innerException: exception);
        }

        return authorities.Count > 0
            ? authorities
            : throw new RindException("the cluster's certificate authority in the kubeconfig holds no PEM certificate");
    }
}
