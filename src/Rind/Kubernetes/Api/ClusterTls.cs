using System.Security.Cryptography.X509Certificates;
using System.Text;
using Rind.Transport.Dialing;

namespace Rind.Kubernetes.Api;

/// <summary>
/// How rind checks the API server's certificate and shows its own, as kubectl does: the kubeconfig's CA
/// alone when it names one, the system's otherwise, or no check with insecure-skip-tls-verify; the name
/// checked (and sent as SNI) is tls-server-name when set, else the server's host.
/// </summary>
internal static class ClusterTls
{
    /// <summary>The name the server's certificate must be made out to.</summary>
    public static string NameToCheck(ClusterAccess access) => access.TlsServerName ?? access.Server.DnsSafeHost;

    /// <summary>The check of the server's certificate, with the cluster's words for why it was refused; none with insecure-skip-tls-verify.</summary>
    public static CertificateCheck Check(ClusterAccess access) =>
        new(access.InsecureSkipTlsVerify ? null : problem => Refusal(access, problem));

    /// <summary>What is wrong with the server's certificate, in words for a message.</summary>
    private static string Refusal(ClusterAccess access, CertificateProblem problem) =>
        problem switch
        {
            CertificateProblem.Missing => "it sent no certificate",
            CertificateProblem.NotValidNow => "it has expired or is not valid yet; check the kubeconfig's certificate-authority",
            CertificateProblem.UnknownAuthority =>
                $"it is not signed by {(access.CertificateAuthority is null ? "an authority this system trusts" : "the authority of the kubeconfig")}; check the kubeconfig's certificate-authority",
            _ => $"it is not made out to {NameToCheck(access)}; check the kubeconfig's server, or its tls-server-name",
        };

    /// <summary>A chain built against the kubeconfig's authorities alone.</summary>
    /// <exception cref="RindException">The PEM holds no certificate, or one that cannot be read.</exception>
    public static X509ChainPolicy TrustOnly(byte[] pem) => ServerCertificate.TrustingOnly(ReadAuthorities(pem));

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
