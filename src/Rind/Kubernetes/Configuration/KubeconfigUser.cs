namespace Rind.Kubernetes.Configuration;

/// <summary>
/// One entry of a kubeconfig's <c>users</c>. Paths are absolute: relative ones were resolved against the
/// folder of the file that holds them.
/// </summary>
internal sealed record KubeconfigUser
{
    /// <summary>No user: requests go without credentials.</summary>
    public static readonly KubeconfigUser None = new();

    public string? Token { get; init; }

    public string? TokenFile { get; init; }

    public string? ClientCertificate { get; init; }

    /// <summary>client-certificate-data, decoded from base64: PEM.</summary>
    public byte[]? ClientCertificateData { get; init; }

    public string? ClientKey { get; init; }

    /// <summary>client-key-data, decoded from base64: PEM.</summary>
    public byte[]? ClientKeyData { get; init; }

    /// <summary>Whether username or password is set: basic authentication.</summary>
    public bool HasBasicAuthentication { get; init; }

    /// <summary>The name of a legacy auth-provider (gcp, azure, oidc), when one is configured.</summary>
    public string? AuthProvider { get; init; }

    /// <summary>as: the user to impersonate.</summary>
    public string? Impersonate { get; init; }

    public ExecPluginConfig? Exec { get; init; }
}
