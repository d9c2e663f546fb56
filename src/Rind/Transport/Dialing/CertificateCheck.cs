using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Rind.Transport.Dialing;

/// <summary>
/// The check of a server's certificate in one TLS handshake, to an engine or to a cluster: what is wrong with
/// it is told in the caller's words, and kept for the message once the handshake has failed.
/// </summary>
/// <param name="describe">The words for what is wrong with the certificate; null to accept any certificate, unchecked.</param>
internal sealed class CertificateCheck(Func<CertificateProblem, string>? describe)
{
    /// <summary>Why the certificate was refused, in the caller's words; null while it was not.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The handshake's options, with this check of the server's certificate.</summary>
    /// <param name="targetHost">The name the certificate must be made out to, sent as SNI.</param>
    /// <param name="trust">The authorities to trust alone (<see cref="ServerCertificate.TrustingOnly"/>); null for the system's.</param>
    public SslClientAuthenticationOptions Options(string targetHost, X509Certificate2? clientCertificate, X509ChainPolicy? trust) =>
        new()
        {
            TargetHost = targetHost,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            CertificateChainPolicy = trust,
            ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            RemoteCertificateValidationCallback = (_, _, chain, errors) => Accepts(errors, chain),
        };

    /// <summary>Whether the certificate is accepted, given what the handshake found wrong with it.</summary>
    public bool Accepts(SslPolicyErrors errors, X509Chain? chain)
    {
        Refusal = describe is not null && ServerCertificate.ProblemOf(errors, chain) is { } problem ? describe(problem) : null;
        return Refusal is null;
    }
}
