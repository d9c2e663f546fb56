using Rind.Diagnostics;
using Rind.Platform;

namespace Rind.Kubernetes.Configuration;

/// <summary>
/// Which credentials a kubeconfig user gives, with kubectl's precedence: a token, token file or client
/// certificate written out wins over an exec plugin. What rind does not support is refused here, before
/// any request, rather than sent without credentials.
/// </summary>
internal static class CredentialsChoice
{
    /// <param name="certificateAuthority">The cluster's CA in PEM, for a plugin that asks for the cluster.</param>
    /// <exception cref="RindException">The user is set up in a way rind cannot follow, said in one line.</exception>
    public static IClusterCredentials For(
        KubeconfigSelection selection,
        byte[]? certificateAuthority,
        IEnvironment environment,
        IStandardStreams streams,
        ITerminal terminal)
    {
        var userName = selection.UserName ?? "";
        var user = selection.User;
        var quoted = $"\"{UntrustedText.Show(userName)}\"";
        if (user.AuthProvider is { } provider)
        {
            throw new RindException($"user {quoted} uses auth-provider \"{UntrustedText.Show(provider)}\", which rind does not support: use an exec credential plugin instead");
        }

        if (user.HasBasicAuthentication)
        {
            throw new RindException($"user {quoted} uses basic authentication (username and password), which rind does not support");
        }

        if (!string.IsNullOrEmpty(user.Impersonate))
        {
            throw new RindException($"user {quoted} impersonates \"{UntrustedText.Show(user.Impersonate)}\" (as), which rind does not support");
        }

        var hasCertificate = user.ClientCertificate is not null || user.ClientCertificateData is not null;
        var hasKey = user.ClientKey is not null || user.ClientKeyData is not null;
        if (hasCertificate != hasKey)
        {
            throw new RindException(hasCertificate
                ? $"user {quoted} has a client-certificate but no client-key"
                : $"user {quoted} has a client-key but no client-certificate");
        }

        if (user.Exec is { } plugin && !hasCertificate && string.IsNullOrEmpty(user.Token) && user.TokenFile is null)
        {
            return new ExecPluginCredentials(
                plugin,
                ExecPluginRules.Check(plugin, userName),
                userName,
                ClusterForPlugin(selection, certificateAuthority),
                environment.GetVariable("PATH"),
                streams,
                terminal);
        }

        return new KubeconfigUserCredentials(userName, user);
    }

    private static ExecCredentialCluster ClusterForPlugin(KubeconfigSelection selection, byte[]? certificateAuthority) => new()
    {
        Server = selection.Cluster.Server ?? "",
        TlsServerName = selection.Cluster.TlsServerName,
        InsecureSkipTlsVerify = selection.Cluster.InsecureSkipTlsVerify ? true : null,
        CertificateAuthorityData = certificateAuthority,
        ProxyUrl = selection.Cluster.ProxyUrl,
    };
}
