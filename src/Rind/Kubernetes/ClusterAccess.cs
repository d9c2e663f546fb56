namespace Rind.Kubernetes;

/// <summary>
/// How to reach the cluster and as whom, read from the kubeconfig (as kubectl reads it) and the options.
/// </summary>
/// <param name="Server">The API server's address (https://…).</param>
/// <param name="ContextName">The kubeconfig context in use, for messages.</param>
/// <param name="Namespace">The namespace to look for the pod in.</param>
/// <param name="Credentials">Who rind is to the server.</param>
internal sealed record ClusterAccess(Uri Server, string ContextName, string Namespace, IClusterCredentials Credentials)
{
    /// <summary>The certificate authority to trust, in PEM, alone; null to trust the system's.</summary>
    public byte[]? CertificateAuthority { get; init; }

    /// <summary>insecure-skip-tls-verify: the server's certificate is not checked at all.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>tls-server-name: the name the server's certificate is checked against, when not the address's host.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>proxy-url: the HTTP(S) proxy every request goes through.</summary>
    public Uri? Proxy { get; init; }
}
