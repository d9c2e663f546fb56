using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// A certificate authority made for one fake cluster, and what it signs: the server's certificate
/// (for 127.0.0.1 and localhost) and client certificates. Nothing of it is stored anywhere. The keys
/// are elliptic-curve ones, made in microseconds where RSA keys take a noticeable part of a test.
/// </summary>
internal sealed class ClusterCertificates : IDisposable
{
    private static readonly TimeSpan Validity = TimeSpan.FromDays(1);

    private ClusterCertificates(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
    }

    /// <summary>The authority, with its private key.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The server's certificate, with its private key.</summary>
    public X509Certificate2 Server { get; }

    public string AuthorityPem => Authority.ExportCertificatePem() + "\n";

    public static ClusterCertificates Create(string name)
    {
        var authority = CreateAuthority(name);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}-apiserver", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        using var signed = request.Create(authority, authority.NotBefore, authority.NotAfter, RandomSerial());
        return new ClusterCertificates(authority, signed.CopyWithPrivateKey(key));
    }

    /// <summary>An authority of its own, unrelated to any cluster: what a kubeconfig with the wrong CA trusts.</summary>
    public static string UnrelatedAuthorityPem(string name)
    {
        using var authority = CreateAuthority(name);
        return authority.ExportCertificatePem() + "\n";
    }

    /// <summary>A client certificate for <paramref name="user"/> (its CN, as the API server reads it), as PEM: certificate and key.</summary>
    public (string CertificatePem, string KeyPem) IssueClient(string user)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={user}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        // Within the authority's validity, which a certificate it signs may not outlast.
        using var signed = request.Create(Authority, Authority.NotBefore, Authority.NotAfter, RandomSerial());
        return (signed.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    /// <summary>The user a client certificate names, if this authority signed it.</summary>
    public string? ClientUser(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.2"));
        return chain.Build(certificate) ? certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) : null;
    }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }

    private static X509Certificate2 CreateAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}-ca", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.Add(Validity));
    }

    private static byte[] RandomSerial() => RandomNumberGenerator.GetBytes(16);
}
