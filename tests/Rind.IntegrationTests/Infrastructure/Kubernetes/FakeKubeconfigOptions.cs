namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>What a kubeconfig written by <see cref="FakeCluster.WriteKubeconfig"/> says, beside the cluster's address.</summary>
public sealed record FakeKubeconfigOptions
{
    /// <summary>The name of its one context, cluster and user.</summary>
    public string ContextName { get; init; } = "fake";

    /// <summary>The context's namespace; none when null.</summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// The server's address, when something stands between the client and the cluster (a proxy on
    /// another loopback port: the cluster's certificate names 127.0.0.1, whatever the port); null
    /// gives the cluster's own.
    /// </summary>
    public Uri? Server { get; init; }

    /// <summary>Trusts a certificate authority unrelated to the cluster's.</summary>
    public bool WrongAuthority { get; init; }

    /// <summary>Names no authority, and skips the verification.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>The user's token; null gives the cluster's. Unused with a plugin or a client certificate.</summary>
    public string? Token { get; init; }

    /// <summary>The user authenticates with a client certificate the cluster issued (client-certificate-data, client-key-data).</summary>
    public bool ClientCertificate { get; init; }

    /// <summary>The user gets its credential from this exec plugin.</summary>
    public FakeCredentialPlugin? CredentialPlugin { get; init; }
}
