namespace Rind.Kubernetes.Configuration;

/// <summary>A user's <c>exec</c> entry: the credential plugin to run and how.</summary>
/// <param name="ApiVersion">client.authentication.k8s.io/v1 or v1beta1: the ExecCredential version spoken.</param>
/// <param name="Command">The program: a name looked up in PATH, or an absolute path.</param>
/// <param name="InteractiveMode">Never, IfAvailable or Always; null when the file does not say.</param>
internal sealed record ExecPluginConfig(string? ApiVersion, string? Command, string? InteractiveMode)
{
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Variables added to rind's environment for the plugin, in order (a later one wins).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Env { get; init; } = [];

    /// <summary>What to tell the user when the command is not found.</summary>
    public string? InstallHint { get; init; }

    /// <summary>Whether KUBERNETES_EXEC_INFO carries the cluster (spec.cluster).</summary>
    public bool ProvideClusterInfo { get; init; }
}
