using System.Text.Json.Serialization;

namespace Rind.Kubernetes.Configuration;

/// <summary>The cluster as a plugin is told it (provideClusterInfo): the kubeconfig's fields, the CA as bytes.</summary>
internal sealed record ExecCredentialCluster
{
    [JsonPropertyName("server")]
    public string Server { get; init; } = "";

    [JsonPropertyName("tls-server-name")]
    public string? TlsServerName { get; init; }

    /// <summary>Only when set: false is left out, as kubectl leaves it out.</summary>
    [JsonPropertyName("insecure-skip-tls-verify")]
    public bool? InsecureSkipTlsVerify { get; init; }

    [JsonPropertyName("certificate-authority-data")]
    public byte[]? CertificateAuthorityData { get; init; }

    [JsonPropertyName("proxy-url")]
    public string? ProxyUrl { get; init; }
}
