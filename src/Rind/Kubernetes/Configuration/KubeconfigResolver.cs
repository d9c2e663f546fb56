using Rind.Diagnostics;
using Rind.Platform;

namespace Rind.Kubernetes.Configuration;

/// <summary>
/// Reads the kubeconfig as kubectl does (KUBECONFIG's files merged, else ~/.kube/config) and says how to reach
/// the cluster: the one call <c>rind --kube</c> makes before anything else of Kubernetes.
/// </summary>
internal static class KubeconfigResolver
{
    /// <summary>Far more than any kubeconfig holds, however many clusters; a larger file is refused rather than read.</summary>
    private const int MaxBytes = 32 * 1024 * 1024;

    /// <param name="contextName">--kube-context, or null for the kubeconfig's current-context.</param>
    /// <param name="namespaceName">-n/--namespace, or null for the context's.</param>
    /// <param name="streams">Where a credential plugin's stderr goes.</param>
    /// <param name="terminal">Whether stdin is a terminal, which an interactive credential plugin needs.</param>
    /// <exception cref="RindException">The kubeconfig cannot be read or does not say where to go, in one line.</exception>
    public static ClusterAccess Resolve(
        IEnvironment environment,
        string? contextName,
        string? namespaceName,
        IStandardStreams streams,
        ITerminal terminal)
    {
        var selection = Select(environment, contextName, namespaceName);
        var cluster = selection.Cluster;
        var quotedCluster = $"\"{UntrustedText.Show(selection.ClusterName)}\"";

        // -data wins over the file when both are set, as for kubectl.
        var certificateAuthority = cluster.CertificateAuthorityData
            ?? (cluster.CertificateAuthority is { } file ? ReferencedFile.Read(file, $"the certificate-authority of cluster {quotedCluster}") : null);
        var credentials = CredentialsChoice.For(selection, certificateAuthority, environment, streams, terminal);
        return new ClusterAccess(selection.Server, selection.ContextName, selection.Namespace, credentials)
        {
            CertificateAuthority = certificateAuthority,
            InsecureSkipTlsVerify = cluster.InsecureSkipTlsVerify,
            TlsServerName = string.IsNullOrEmpty(cluster.TlsServerName) ? null : cluster.TlsServerName,
            Proxy = selection.Proxy,
        };
    }

    /// <summary>The kubeconfig's files read and merged, and the context, cluster and user chosen from them.</summary>
    /// <exception cref="RindException">The kubeconfig cannot be read or does not say where to go, in one line.</exception>
    public static KubeconfigSelection Select(IEnvironment environment, string? contextName, string? namespaceName)
    {
        var (merged, read) = Merge(environment);
        return KubeconfigSelector.Select(merged, contextName, namespaceName, read);
    }

    /// <summary>The kubeconfig's files read and merged, and which were read, as messages name them.</summary>
    /// <exception cref="RindException">The kubeconfig cannot be read, in one line.</exception>
    public static (Kubeconfig Merged, string Files) Merge(IEnvironment environment)
    {
        var files = KubeconfigFiles.Locate(environment);
        var read = new List<string>();
        var configs = new List<Kubeconfig>();
        foreach (var path in files.Paths)
        {
            // A missing file is passed over, as kubectl passes it over.
            if (Read(path) is { } text)
            {
                configs.Add(KubeconfigParser.Parse(text, path));
                read.Add(path);
            }
        }

        if (configs.Count == 0)
        {
            throw new RindException(NoKubeconfig(files));
        }

        return (KubeconfigMerger.Merge(configs), string.Join(", ", read));
    }

    private static string? Read(string path)
    {
        try
        {
            return SmallFile.ReadOrNull(path, MaxBytes) is { } content ? KubeconfigText.Decode(content, path) : null;
        }
        catch (IOException exception)
        {
            throw new RindException($"cannot read the kubeconfig {path}: {exception.Message}", innerException: exception);
        }
    }

    private static string NoKubeconfig(KubeconfigFiles files) =>
        files switch
        {
            { FromVariable: true, Paths.Count: 0 } => $"no kubeconfig: {KubeconfigFiles.Variable} names no file",
            { FromVariable: true } => $"no kubeconfig: none of the files {KubeconfigFiles.Variable} names exists ({string.Join(", ", files.Paths)})",
            { Paths.Count: 0 } => $"no kubeconfig: neither {KubeconfigFiles.Variable} nor HOME is set",
            _ => $"no kubeconfig: {files.Paths[0]} does not exist and {KubeconfigFiles.Variable} is not set",
        };
}
