using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rind.Tests.Kubernetes.Configuration;

/// <summary>A self-signed certificate made for a test, with its key, in PEM as kubeconfigs hold them.</summary>
internal sealed class TestCertificate
{
    public TestCertificate(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        request.CertificateExtensions.Add(new X509SubjectAlternativeNameExtension(BuildLocalhostNames()));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        CertificatePem = certificate.ExportCertificatePem();
        KeyPem = key.ExportPkcs8PrivateKeyPem();
        Subject = certificate.Subject;
    }

    public string CertificatePem { get; }

    public string KeyPem { get; }

    public string Subject { get; }

    public static string Base64(string pem) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pem));

    private static byte[] BuildLocalhostNames()
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        return names.Build().RawData;
    }
}
