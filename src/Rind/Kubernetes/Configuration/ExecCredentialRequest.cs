using System.Text.Json;
using Rind.Serialization;

namespace Rind.Kubernetes.Configuration;

/// <summary>KUBERNETES_EXEC_INFO: the ExecCredential a plugin is handed, as kubectl writes it.</summary>
internal static class ExecCredentialRequest
{
    public const string Variable = "KUBERNETES_EXEC_INFO";

    /// <param name="cluster">The cluster, told only when the plugin's provideClusterInfo asks for it.</param>
    public static string Json(ExecPluginConfig plugin, bool interactive, ExecCredentialCluster cluster) =>
        JsonSerializer.Serialize(
            new ExecCredential
            {
                ApiVersion = plugin.ApiVersion,
                Kind = ExecCredential.KindName,
                Spec = new ExecCredentialSpec { Interactive = interactive, Cluster = plugin.ProvideClusterInfo ? cluster : null },
            },
            RindJsonContext.Default.ExecCredential);
}
