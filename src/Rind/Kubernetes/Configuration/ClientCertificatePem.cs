using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rind.Kubernetes.Configuration;

/// <summary>A client certificate and its private key, each in PEM, made into one certificate TLS can present.</summary>
internal static class ClientCertificatePem
{
    /// <param name="whose">Whose certificate it is, for the message: "of user \"dev\"".</param>
    /// <exception cref="RindException">They are not a PEM certificate and its key.</exception>
    public static X509Certificate2 Create(ReadOnlySpan<byte> certificate, ReadOnlySpan<byte> key, string whose)
    {
        try
        {
            return X509Certificate2.CreateFromPem(Text(certificate), Text(key));
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            throw new RindException($"the client certificate {whose} cannot be used: {exception.Message}", innerException: exception);
        }
    }

    private static ReadOnlySpan<char> Text(ReadOnlySpan<byte> pem) => System.Text.Encoding.UTF8.GetString(pem);
}
