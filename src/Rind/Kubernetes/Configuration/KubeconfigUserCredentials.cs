using System.Security.Cryptography.X509Certificates;
using System.Text;
using Rind.Diagnostics;

namespace Rind.Kubernetes.Configuration;

/// <summary>
/// The credentials a kubeconfig user writes out: a token, a token file, a client certificate and key (files
/// or -data). Files are read when the credentials are first needed, once.
/// </summary>
internal sealed class KubeconfigUserCredentials(string userName, KubeconfigUser user) : IClusterCredentials
{
    private readonly Lock _lock = new();
    private ClusterCredential? _credential;

    public ClusterCredential Get()
    {
        lock (_lock)
        {
            return _credential ??= new ClusterCredential(Token(), Certificate());
        }
    }

    /// <summary>
    /// The token file's content, trimmed; as for kubectl, the token written in the kubeconfig stands in when
    /// the file cannot be read or is empty.
    /// </summary>
    private string? Token()
    {
        if (user.TokenFile is not { } file)
        {
            return user.Token;
        }

        string content;
        try
        {
            content = Encoding.UTF8.GetString(ReferencedFile.Read(file, $"the tokenFile of user {Quoted(userName)}")).Trim();
        }
        catch (RindException) when (!string.IsNullOrEmpty(user.Token))
        {
            return user.Token;
        }

        return content.Length > 0 ? content
            : !string.IsNullOrEmpty(user.Token) ? user.Token
            : throw new RindException($"the tokenFile of user {Quoted(userName)}, {file}, is empty");
    }

    private X509Certificate2? Certificate()
    {
        if (user.ClientCertificateData is null && user.ClientCertificate is null)
        {
            return null;
        }

        // -data wins over the file when both are set, as for kubectl.
        var certificate = user.ClientCertificateData ?? ReferencedFile.Read(user.ClientCertificate!, $"the client-certificate of user {Quoted(userName)}");
        var key = user.ClientKeyData ?? ReferencedFile.Read(user.ClientKey!, $"the client-key of user {Quoted(userName)}");
        return ClientCertificatePem.Create(certificate, key, $"of user {Quoted(userName)}");
    }

    private static string Quoted(string name) => $"\"{UntrustedText.Show(name)}\"";
}
