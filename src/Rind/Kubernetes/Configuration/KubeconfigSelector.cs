using Rind.Diagnostics;

namespace Rind.Kubernetes.Configuration;

/// <summary>
/// Picks the context, its cluster and user from a merged kubeconfig, as kubectl does with --context and
/// --namespace: the context given, else current-context; the namespace given, else the context's, else
/// <c>default</c>.
/// </summary>
internal static class KubeconfigSelector
{
    public const string DefaultNamespace = "default";

    /// <summary>The most context names a message lists: enough to spot a typo, short enough for one line.</summary>
    private const int MaxNamesShown = 10;

    /// <param name="source">The files read, for messages.</param>
    /// <exception cref="RindException">The kubeconfig does not say where to go, said in one line.</exception>
    public static KubeconfigSelection Select(Kubeconfig config, string? contextName, string? namespaceName, string source)
    {
        var name = string.IsNullOrEmpty(contextName) ? config.CurrentContext : contextName;
        if (string.IsNullOrEmpty(name))
        {
            throw new RindException(config.Contexts.Count == 0
                ? $"the kubeconfig ({source}) has no context and sets no current-context"
                : $"the kubeconfig ({source}) sets no current-context: name one with --kube-context ({Known(config.Contexts.Keys.ToList())})");
        }

        if (!config.Contexts.TryGetValue(name, out var context))
        {
            throw new RindException($"context {Quoted(name)} is not in the kubeconfig ({source}; {Known(config.Contexts.Keys.ToList())})");
        }

        if (string.IsNullOrEmpty(context.Cluster))
        {
            throw new RindException($"context {Quoted(name)} names no cluster");
        }

        if (!config.Clusters.TryGetValue(context.Cluster, out var cluster))
        {
            throw new RindException($"context {Quoted(name)} names cluster {Quoted(context.Cluster)}, which is not in the kubeconfig ({source})");
        }

        var user = KubeconfigUser.None;
        if (!string.IsNullOrEmpty(context.User) && !config.Users.TryGetValue(context.User, out user))
        {
            throw new RindException($"context {Quoted(name)} names user {Quoted(context.User)}, which is not in the kubeconfig ({source})");
        }

        return new KubeconfigSelection(
            name,
            !string.IsNullOrEmpty(namespaceName) ? namespaceName : !string.IsNullOrEmpty(context.Namespace) ? context.Namespace : DefaultNamespace,
            context.Cluster,
            cluster,
            Server(context.Cluster, cluster),
            Proxy(context.Cluster, cluster),
            string.IsNullOrEmpty(context.User) ? null : context.User,
            user);
    }

    private static Uri Server(string clusterName, KubeconfigCluster cluster)
    {
        if (string.IsNullOrEmpty(cluster.Server))
        {
            throw new RindException($"cluster {Quoted(clusterName)} has no server");
        }

        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server)
            || server.Scheme is not ("https" or "http")
            || string.IsNullOrEmpty(server.Host))
        {
            throw new RindException($"cluster {Quoted(clusterName)} has server {Quoted(cluster.Server)}, which is not an https:// or http:// address");
        }

        // kubectl refuses the pair rather than guess which was meant.
        if (cluster.InsecureSkipTlsVerify && (cluster.CertificateAuthorityData is not null || cluster.CertificateAuthority is not null))
        {
            throw new RindException($"cluster {Quoted(clusterName)} both names a certificate-authority and sets insecure-skip-tls-verify, which kubectl refuses too");
        }

        return server;
    }

    private static Uri? Proxy(string clusterName, KubeconfigCluster cluster)
    {
        if (string.IsNullOrEmpty(cluster.ProxyUrl))
        {
            return null;
        }

        return Uri.TryCreate(cluster.ProxyUrl, UriKind.Absolute, out var proxy)
            && proxy.Scheme is "http" or "https" or "socks5"
            && !string.IsNullOrEmpty(proxy.Host)
                ? proxy
                : throw new RindException($"cluster {Quoted(clusterName)} has proxy-url {Quoted(cluster.ProxyUrl)}, which is not an http://, https:// or socks5:// address");
    }

    private static string Known(IReadOnlyCollection<string> names)
    {
        if (names.Count == 0)
        {
            return "it has no contexts";
        }

        var shown = names.Order(StringComparer.Ordinal).Take(MaxNamesShown).Select(Quoted);
        var more = names.Count > MaxNamesShown ? $" and {names.Count - MaxNamesShown} more" : "";
        return $"it has {string.Join(", ", shown)}{more}";
    }

    private static string Quoted(string name) => $"\"{UntrustedText.Show(name)}\"";
}
