using System.Text.Json.Serialization;

namespace Rind.Kubernetes.Configuration;

/// <summary>
/// client.authentication.k8s.io's ExecCredential: what rind tells a credential plugin (KUBERNETES_EXEC_INFO)
/// and what the plugin answers on stdout.
/// </summary>
internal sealed record ExecCredential
{
    public const string KindName = "ExecCredential";

    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; init; }

    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    [JsonPropertyName("spec")]
    public ExecCredentialSpec? Spec { get; init; }

    [JsonPropertyName("status")]
    public ExecCredentialStatus? Status { get; init; }
}
