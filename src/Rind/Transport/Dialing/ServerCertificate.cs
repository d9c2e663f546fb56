using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Rind.Transport.Dialing;

/// <summary>How an engine's or a cluster's certificate is checked, and what went wrong when it was refused.</summary>
internal static class ServerCertificate
{
    /// <summary>
    /// A chain built against these authorities alone, as ca.pem or a kubeconfig's certificate-authority asks,
    /// with no revocation check.
    /// </summary>
    public static X509ChainPolicy TrustingOnly(X509Certificate2Collection authorities)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(authorities);
        return policy;
    }

    /// <returns>What is wrong with the certificate, or null when the handshake found nothing.</returns>
    public static CertificateProblem? ProblemOf(SslPolicyErrors errors, X509Chain? chain)
    {
        if (errors == SslPolicyErrors.None)
        {
            return null;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return CertificateProblem.Missing;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var status = chain?.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, element) => all | element.Status) ?? X509ChainStatusFlags.NoError;
            return status.HasFlag(X509ChainStatusFlags.NotTimeValid) ? CertificateProblem.NotValidNow : CertificateProblem.UnknownAuthority;
        }

        return CertificateProblem.WrongName;
    }
}
