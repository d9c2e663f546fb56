using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Rind.Tests.Kubernetes;

/// <summary>A certificate authority made for a test, and a server certificate it signed.</summary>
internal sealed class TestCertificates : IDisposable
{
    private TestCertificates(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
    }

    public X509Certificate2 Authority { get; }

    /// <summary>The server's certificate, with its key, for 127.0.0.1 and the names given.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>The authority as a kubeconfig's certificate-authority-data holds it.</summary>
    public byte[] AuthorityPem => Encoding.ASCII.GetBytes(Authority.ExportCertificatePem());

    public static TestCertificates Create(params string[] serverNames)
    {
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=rind test cluster CA", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        var authority = authorityRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=kube-apiserver", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        foreach (var name in serverNames)
        {
            names.AddDnsName(name);
        }

        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = serverRequest.Create(authority, now.AddHours(-1), now.AddHours(1), [1, 2, 3, 4]);

        // A key that lives only in memory cannot serve TLS on every platform: export and read back.
        using var withKey = signed.CopyWithPrivateKey(serverKey);
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null);
        return new TestCertificates(authority, server);
    }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }
}
