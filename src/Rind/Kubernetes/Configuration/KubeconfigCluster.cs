namespace Rind.Kubernetes.Configuration;

/// <summary>
/// One entry of a kubeconfig's <c>clusters</c>. Paths are absolute: relative ones were resolved against the
/// folder of the file that holds them.
/// </summary>
internal sealed record KubeconfigCluster
{
    public string? Server { get; init; }

    public string? CertificateAuthority { get; init; }

    /// <summary>certificate-authority-data, decoded from base64: PEM.</summary>
    public byte[]? CertificateAuthorityData { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    public string? TlsServerName { get; init; }

    public string? ProxyUrl { get; init; }
}
