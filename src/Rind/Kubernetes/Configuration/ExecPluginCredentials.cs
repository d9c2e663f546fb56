using System.Text;
using Rind.Diagnostics;
using Rind.Platform;

namespace Rind.Kubernetes.Configuration;

/// <summary>
/// The credentials a user's exec plugin gives: the plugin runs when they are first needed, once per rind run.
/// </summary>
/// <param name="interactiveMode">The mode in force, as <see cref="ExecPluginRules.Check"/> found it.</param>
/// <param name="cluster">The cluster, for KUBERNETES_EXEC_INFO when the plugin asks for it.</param>
/// <param name="searchPath">PATH, where a bare command is looked up.</param>
internal sealed class ExecPluginCredentials(
    ExecPluginConfig plugin,
    string interactiveMode,
    string userName,
    ExecCredentialCluster cluster,
    string? searchPath,
    IStandardStreams streams,
    ITerminal terminal) : IClusterCredentials
{
    private readonly Lock _lock = new();
    private ClusterCredential? _credential;

    public ClusterCredential Get()
    {
        lock (_lock)
        {
            return _credential ??= Run();
        }
    }

    private ClusterCredential Run()
    {
        var description = $"the credential plugin \"{UntrustedText.Show(plugin.Command)}\" of user \"{UntrustedText.Show(userName)}\"";
        var interactive = ExecPluginRules.IsInteractive(interactiveMode, terminal.IsInputTerminal, userName);
        var output = ExecPluginProcess.Run(
            plugin,
            ExecCredentialRequest.Json(plugin, interactive, cluster),
            interactive,
            searchPath,
            streams.Error,
            description);
        var status = ExecCredentialAnswer.Read(output, plugin.ApiVersion!, description);
        var certificate = string.IsNullOrEmpty(status.ClientCertificateData)
            ? null
            : ClientCertificatePem.Create(Encoding.UTF8.GetBytes(status.ClientCertificateData), Encoding.UTF8.GetBytes(status.ClientKeyData!), $"from {description}");
        return new ClusterCredential(string.IsNullOrEmpty(status.Token) ? null : status.Token, certificate);
    }
}
