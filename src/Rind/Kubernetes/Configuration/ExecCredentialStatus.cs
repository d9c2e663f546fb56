using System.Text.Json.Serialization;

namespace Rind.Kubernetes.Configuration;

/// <summary>The credentials a plugin answers: a bearer token, or a client certificate and key in PEM (not base64).</summary>
internal sealed record ExecCredentialStatus
{
    [JsonPropertyName("token")]
    public string? Token { get; init; }

    [JsonPropertyName("clientCertificateData")]
    public string? ClientCertificateData { get; init; }

    [JsonPropertyName("clientKeyData")]
    public string? ClientKeyData { get; init; }
}
