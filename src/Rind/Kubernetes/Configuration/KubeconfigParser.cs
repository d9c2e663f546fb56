using System.Globalization;
using Rind.Diagnostics;
using Rind.Kubernetes.Configuration.Yaml;

namespace Rind.Kubernetes.Configuration;

/// <summary>
/// Reads one kubeconfig file's text (YAML, or JSON, which YAML includes) with rind's own reader of the YAML
/// kubeconfigs use. Relative paths in it are made absolute against the file's folder, as kubectl does.
/// </summary>
internal static class KubeconfigParser
{
    /// <param name="text">The file's content.</param>
    /// <param name="file">The file's absolute path: for messages and relative paths.</param>
    /// <exception cref="RindException">The text is not a kubeconfig, said in one line with the line number.</exception>
    public static Kubeconfig Parse(string text, string file)
    {
        YamlNode? document;
        try
        {
            document = YamlReader.Read(text);
        }
        catch (YamlSyntaxException exception)
        {
            throw new RindException(
                string.Create(CultureInfo.InvariantCulture, $"cannot read the kubeconfig {file}: it is not valid YAML at line {exception.Line}, column {exception.Column}: {exception.Message}"),
                innerException: exception);
        }

        if (KubeconfigNode.Root(document, file) is not { } root)
        {
            return Kubeconfig.Empty;
        }

        return new Kubeconfig
        {
            CurrentContext = root.String("current-context"),
            Clusters = Named(root, "clusters", "cluster", Cluster),
            Contexts = Named(root, "contexts", "context", Context),
            Users = Named(root, "users", "user", User),
        };
    }

    /// <summary>
    /// A list of <c>{name, KIND: {…}}</c> entries, keyed by name; a name twice in one file is an error, as
    /// for kubectl.
    /// </summary>
    private static Dictionary<string, T> Named<T>(KubeconfigNode root, string list, string kind, Func<KubeconfigNode, T> read)
    {
        var entries = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in root.Mappings(list))
        {
            var name = entry.String("name") ?? "";
            var value = read(entry.Mapping(kind) ?? KubeconfigNode.Empty);
            if (!entries.TryAdd(name, value))
            {
                throw entry.Failure($"the name \"{UntrustedText.Show(name)}\" is in {list} twice");
            }
        }

        return entries;
    }

    private static KubeconfigCluster Cluster(KubeconfigNode node) => new()
    {
        Server = node.String("server"),
        CertificateAuthority = node.Path("certificate-authority"),
        CertificateAuthorityData = node.Base64("certificate-authority-data"),
        InsecureSkipTlsVerify = node.Bool("insecure-skip-tls-verify"),
        TlsServerName = node.String("tls-server-name"),
        ProxyUrl = node.String("proxy-url"),
    };

    private static KubeconfigContext Context(KubeconfigNode node) =>
        new(node.String("cluster"), node.String("user"), node.String("namespace"));

    private static KubeconfigUser User(KubeconfigNode node) => new()
    {
        Token = node.String("token"),
        TokenFile = node.Path("tokenFile"),
        ClientCertificate = node.Path("client-certificate"),
        ClientCertificateData = node.Base64("client-certificate-data"),
        ClientKey = node.Path("client-key"),
        ClientKeyData = node.Base64("client-key-data"),
        HasBasicAuthentication = node.String("username") is { Length: > 0 } || node.String("password") is { Length: > 0 },
        AuthProvider = node.Mapping("auth-provider") is { } provider ? provider.String("name") ?? "" : null,
        Impersonate = node.String("as"),
        Exec = node.Mapping("exec") is { } exec ? Exec(exec) : null,
    };

    private static ExecPluginConfig Exec(KubeconfigNode node)
    {
        // Only a command with a '/' is a path; a bare name is looked up in PATH when run.
        var command = node.String("command");
        if (command is not null && command.Contains('/', StringComparison.Ordinal))
        {
            command = node.Path("command");
        }

        return new ExecPluginConfig(node.String("apiVersion"), command, node.String("interactiveMode"))
        {
            Args = node.Strings("args"),
            Env = [.. node.Mappings("env").Select(variable => new KeyValuePair<string, string>(variable.String("name") ?? "", variable.String("value") ?? ""))],
            InstallHint = node.String("installHint"),
            ProvideClusterInfo = node.Bool("provideClusterInfo"),
        };
    }
}
