using System.Security.Cryptography.X509Certificates;

namespace Rind.Kubernetes;

/// <summary>What proves who rind is to the API server: a bearer token, a client certificate with its key, both, or neither.</summary>
internal sealed record ClusterCredential(string? BearerToken, X509Certificate2? ClientCertificate)
{
    public static readonly ClusterCredential None = new(null, null);
}
