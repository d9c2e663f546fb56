namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// An exec credential plugin for a kubeconfig's user: a shell script beside the kubeconfig that
/// prints an ExecCredential, and notes each run (its arguments, the variables of <see cref="Env"/>
/// and KUBERNETES_EXEC_INFO) as one line in <see cref="FakeKubeconfig.PluginRunsPath"/>.
/// </summary>
public sealed record FakeCredentialPlugin
{
    /// <summary>client.authentication.k8s.io/v1 or client.authentication.k8s.io/v1beta1.</summary>
    public string ApiVersion { get; init; } = "client.authentication.k8s.io/v1";

    /// <summary>Never, IfAvailable or Always; null leaves it out (which v1 does not allow).</summary>
    public string? InteractiveMode { get; init; } = "Never";

    /// <summary>The token it gives; null gives the cluster's.</summary>
    public string? Token { get; init; }

    /// <summary>Gives a client certificate the cluster issued instead of a token.</summary>
    public bool GivesClientCertificate { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>The kubeconfig's <c>env</c> for it.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>Ends with this exit code, after writing this to stderr, instead of giving a credential.</summary>
    public (int ExitCode, string Stderr)? Fails { get; init; }
}
