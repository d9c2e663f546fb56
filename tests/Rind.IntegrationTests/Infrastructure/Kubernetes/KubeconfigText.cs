using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// The texts a kubeconfig for the fake is made of: the file itself (YAML, every value a JSON string,
/// which YAML reads as a double-quoted scalar), and a credential plugin's script.
/// </summary>
internal static class KubeconfigText
{
    /// <param name="authorityPem">The certificate authority to trust; null skips verification.</param>
    /// <param name="userLines">The user's fields, indented for the <c>user:</c> mapping.</param>
    public static string Kubeconfig(string contextName, Uri server, string? authorityPem, string? contextNamespace, IEnumerable<string> userLines)
    {
        var text = new StringBuilder();
        text.AppendLine("apiVersion: v1");
        text.AppendLine("kind: Config");
        text.AppendLine("clusters:");
        text.AppendLine($"- name: {Quote(contextName)}");
        text.AppendLine("  cluster:");
        text.AppendLine($"    server: {Quote(server.ToString().TrimEnd('/'))}");
        text.AppendLine(authorityPem is null
            ? "    insecure-skip-tls-verify: true"
            : $"    certificate-authority-data: {Quote(Base64(authorityPem))}");
        text.AppendLine("contexts:");
        text.AppendLine($"- name: {Quote(contextName)}");
        text.AppendLine("  context:");
        text.AppendLine($"    cluster: {Quote(contextName)}");
        text.AppendLine($"    user: {Quote(contextName)}");
        if (contextNamespace is not null)
        {
            text.AppendLine($"    namespace: {Quote(contextNamespace)}");
        }

        text.AppendLine($"current-context: {Quote(contextName)}");
        text.AppendLine("users:");
        text.AppendLine($"- name: {Quote(contextName)}");
        text.AppendLine("  user:");
        foreach (var line in userLines)
        {
            text.AppendLine("    " + line);
        }

        return text.ToString();
    }

    public static IEnumerable<string> TokenUser(string token) => [$"token: {Quote(token)}"];

    public static IEnumerable<string> CertificateUser(string certificatePem, string keyPem) =>
        [$"client-certificate-data: {Quote(Base64(certificatePem))}", $"client-key-data: {Quote(Base64(keyPem))}"];

    public static IEnumerable<string> PluginUser(FakeCredentialPlugin plugin, string scriptPath)
    {
        yield return "exec:";
        yield return $"  apiVersion: {Quote(plugin.ApiVersion)}";
        yield return $"  command: {Quote(scriptPath)}";
        yield return $"  args: [{string.Join(", ", plugin.Args.Select(Quote))}]";
        yield return plugin.Env.Count == 0 ? "  env: []" : "  env:";
        foreach (var (name, value) in plugin.Env)
        {
            yield return $"  - name: {Quote(name)}";
            yield return $"    value: {Quote(value)}";
        }

        if (plugin.InteractiveMode is not null)
        {
            yield return $"  interactiveMode: {Quote(plugin.InteractiveMode)}";
        }
    }

    /// <summary>A POSIX shell script that notes its run in <paramref name="runsPath"/> and prints the credential, or fails as told.</summary>
    public static string PluginScript(FakeCredentialPlugin plugin, string runsPath, string? token, (string CertificatePem, string KeyPem)? certificate)
    {
        var status = new JsonObject();
        if (certificate is { } issued)
        {
            status["clientCertificateData"] = issued.CertificatePem;
            status["clientKeyData"] = issued.KeyPem;
        }
        else
        {
            status["token"] = token;
        }

        var credential = new JsonObject { ["apiVersion"] = plugin.ApiVersion, ["kind"] = "ExecCredential", ["status"] = status };
        var variables = string.Concat(plugin.Env.Keys.Select(name => $" {name}=${{{name}:-}}"));
        var script = new StringBuilder();
        script.Append("#!/bin/sh\n");
        script.Append($"printf '%s\\n' \"args=[$*]{variables} info=${{KUBERNETES_EXEC_INFO:-}}\" >> {ShellQuote(runsPath)}\n");
        if (plugin.Fails is { } failure)
        {
            script.Append($"printf '%s\\n' {ShellQuote(failure.Stderr)} >&2\nexit {failure.ExitCode}\n");
        }
        else
        {
            script.Append($"printf '%s\\n' {ShellQuote(credential.ToJsonString())}\n");
        }

        return script.ToString();
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
