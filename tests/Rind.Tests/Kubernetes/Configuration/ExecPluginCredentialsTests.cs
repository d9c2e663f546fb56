using System.Text.Json;
using Rind.Kubernetes;

namespace Rind.Tests.Kubernetes.Configuration;

public sealed class ExecPluginCredentialsTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private const string V1 = "client.authentication.k8s.io/v1";

    private const string TokenAnswer = """printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"plugin-token"}}'""";

    private readonly KubeconfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_token_a_plugin_answers_is_the_bearer_token()
    {
        var credential = await GetAsync(ShellPlugin(TokenAnswer));

        Assert.Equal("plugin-token", credential.BearerToken);
        Assert.Null(credential.ClientCertificate);
    }

    [Fact]
    public async Task The_plugin_is_told_KUBERNETES_EXEC_INFO_without_the_cluster_by_default()
    {
        await GetAsync(ShellPlugin($"""printf '%s' "$KUBERNETES_EXEC_INFO" >&2; {TokenAnswer}"""));

        Assert.Equal("""{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","spec":{"interactive":false}}""", _folder.Streams.ErrorText);
    }

    [Fact]
    public async Task The_plugin_is_told_the_cluster_when_provideClusterInfo_asks_for_it()
    {
        await GetAsync(ShellPlugin($"""printf '%s' "$KUBERNETES_EXEC_INFO" >&2; {TokenAnswer}""", more: "provideClusterInfo: true"));

        Assert.Equal(
            """{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","spec":{"interactive":false,"cluster":{"server":"https://lab:6443","tls-server-name":"api.lab","certificate-authority-data":"UEVN"}}}""",
            _folder.Streams.ErrorText);
    }

    [Fact]
    public async Task Args_pass_exactly_and_env_entries_are_added_to_rind_s_environment()
    {
        var plugin = ShellPlugin(
            """printf '%s|%s|%s|%s' "$#" "$1" "$REGION" "${PATH:+has PATH}" >&2; """ + TokenAnswer,
            args: ["two words", "*"],
            more: "env: [{name: REGION, value: eu-west-1}, {name: REGION, value: the later wins}]");

        await GetAsync(plugin);

        Assert.Equal("2|two words|the later wins|has PATH", _folder.Streams.ErrorText);
    }

    [Fact]
    public async Task A_certificate_and_key_a_plugin_answers_are_the_client_certificate()
    {
        var client = new TestCertificate("from-plugin");
        var answer = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["apiVersion"] = V1,
            ["kind"] = "ExecCredential",
            ["status"] = new Dictionary<string, string> { ["clientCertificateData"] = client.CertificatePem, ["clientKeyData"] = client.KeyPem },
        });
        var answerFile = _folder.Write("answer.json", answer);

        var credential = await GetAsync(ShellPlugin($"cat '{answerFile}'"));

        Assert.Equal(client.Subject, credential.ClientCertificate!.Subject);
        Assert.True(credential.ClientCertificate.HasPrivateKey);
        Assert.Null(credential.BearerToken);
    }

    [Fact]
    public async Task The_plugin_runs_once_per_run()
    {
        var count = _folder.PathOf("runs");
        var credentials = _folder.Resolve(ShellPlugin($"echo run >> '{count}'; {TokenAnswer}")).Credentials;

        var first = await Task.Run(credentials.Get).WaitAsync(Timeout);
        var second = await Task.Run(credentials.Get).WaitAsync(Timeout);

        Assert.Same(first, second);
        Assert.Equal("run\n", File.ReadAllText(count));
    }

    [Fact]
    public async Task An_answer_in_another_apiVersion_is_refused()
    {
        var message = await RefusalAsync(ShellPlugin("""printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"t"}}'"""));

        Assert.Equal(
            "the credential plugin \"/bin/sh\" of user \"alice\" answered in apiVersion \"client.authentication.k8s.io/v1beta1\", but the kubeconfig asks for client.authentication.k8s.io/v1",
            message);
    }

    [Fact]
    public async Task A_failing_plugin_is_one_line_with_its_exit_code_and_its_stderr_passed_on()
    {
        var message = await RefusalAsync(ShellPlugin("echo 'token expired, log in again' >&2; exit 3"));

        Assert.Equal("the credential plugin \"/bin/sh\" of user \"alice\" failed with exit code 3", message);
        Assert.Equal("token expired, log in again\n", _folder.Streams.ErrorText);
    }

    [Fact]
    public async Task A_plugin_not_in_PATH_is_one_line_with_its_install_hint()
    {
        var kubeconfig = Kubeconfig(
            $"exec: {{apiVersion: {V1}, command: rind-test-no-such-plugin, interactiveMode: Never, installHint: \"rind-test-no-such-plugin is needed.\\n  Install it with your package manager.\\n\"}}");

        var message = await RefusalAsync(kubeconfig);

        Assert.Equal(
            "the credential plugin \"rind-test-no-such-plugin\" of user \"alice\" is not found: rind-test-no-such-plugin is needed. Install it with your package manager.",
            message);
    }

    [Fact]
    public async Task A_bare_command_is_looked_up_in_PATH_and_not_in_the_current_folder()
    {
        _folder.WriteScript("kube-login", TokenAnswer);
        var kubeconfig = Kubeconfig($"exec: {{apiVersion: {V1}, command: kube-login, interactiveMode: Never}}");

        var message = await Task.Run(() => Assert.Throws<RindException>(() => _folder.Resolve(kubeconfig, searchPath: "/usr/bin:/bin").Credentials.Get()).Message).WaitAsync(Timeout);
        var fromPath = await Task.Run(() => _folder.Resolve(kubeconfig, searchPath: $"relative:{_folder.Root}").Credentials.Get()).WaitAsync(Timeout);

        Assert.Equal("the credential plugin \"kube-login\" of user \"alice\" is not found", message);
        Assert.Equal("plugin-token", fromPath.BearerToken);
    }

    [Fact]
    public async Task A_command_with_a_slash_is_taken_from_the_kubeconfig_s_folder()
    {
        _folder.WriteScript("bin/login", TokenAnswer);

        var credential = await GetAsync(Kubeconfig($"exec: {{apiVersion: {V1}, command: ./bin/login, interactiveMode: Never}}"));

        Assert.Equal("plugin-token", credential.BearerToken);
    }

    [Fact]
    public async Task A_plugin_that_is_not_interactive_reads_an_empty_input()
    {
        await GetAsync(ShellPlugin($"""printf '[%s]' "$(cat)" >&2; {TokenAnswer}"""), terminal: true);

        Assert.Equal("[]", _folder.Streams.ErrorText);
    }

    [Theory]
    [InlineData("IfAvailable", true, true)]
    [InlineData("IfAvailable", false, false)]
    [InlineData("Always", true, true)]
    [InlineData("Never", true, false)]
    public async Task The_plugin_is_told_whether_it_may_ask_the_user(string mode, bool terminal, bool interactive)
    {
        await GetAsync(ShellPlugin($"""printf '%s' "$KUBERNETES_EXEC_INFO" >&2; {TokenAnswer}""", mode: mode), terminal);

        Assert.Contains($"\"interactive\":{(interactive ? "true" : "false")}", _folder.Streams.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_that_must_ask_the_user_without_a_terminal_is_refused_before_it_runs()
    {
        var ran = _folder.PathOf("ran");

        var message = await RefusalAsync(ShellPlugin($"touch '{ran}'", mode: "Always"));

        Assert.Equal("the exec credential plugin of user \"alice\" needs a terminal on stdin (interactiveMode Always), and rind's stdin is not one", message);
        Assert.False(File.Exists(ran));
    }

    [Fact]
    public async Task An_answer_larger_than_1_MiB_is_refused()
    {
        var message = await RefusalAsync(ShellPlugin("head -c 2000000 /dev/zero"));

        Assert.Equal("the credential plugin \"/bin/sh\" of user \"alice\" answered more than 1 MiB", message);
    }

    [Fact]
    public async Task A_token_written_in_the_kubeconfig_wins_over_the_plugin()
    {
        var ran = _folder.PathOf("ran");
        var kubeconfig = Kubeconfig($"token: written, exec: {{apiVersion: {V1}, command: /bin/sh, args: [-c, \"touch '{ran}'\"], interactiveMode: Never}}");

        var credential = await GetAsync(kubeconfig);

        Assert.Equal("written", credential.BearerToken);
        Assert.False(File.Exists(ran));
    }

    private Task<ClusterCredential> GetAsync(string kubeconfig, bool terminal = false) =>
        Task.Run(() => _folder.Resolve(kubeconfig, terminal: terminal).Credentials.Get()).WaitAsync(Timeout);

    private Task<string> RefusalAsync(string kubeconfig) =>
        Task.Run(() => Assert.Throws<RindException>(() => _folder.Resolve(kubeconfig).Credentials.Get()).Message).WaitAsync(Timeout);

    /// <summary>A kubeconfig whose user's plugin is /bin/sh running <paramref name="script"/>; <paramref name="more"/> adds fields.</summary>
    private string ShellPlugin(string script, string[]? args = null, string mode = "Never", string? more = null)
    {
        string[] all = ["-c", script, "plugin", .. args ?? []];
        var arguments = string.Join(", ", all.Select(argument => JsonSerializer.Serialize(argument)));
        return Kubeconfig($"exec: {{apiVersion: {V1}, command: /bin/sh, args: [{arguments}], interactiveMode: {mode}{(more is null ? "" : ", " + more)}}}");
    }

    private string Kubeconfig(string user) => _folder.Write("config", $$"""
        current-context: dev
        clusters:
        - name: lab
          cluster: {server: "https://lab:6443", tls-server-name: api.lab, certificate-authority-data: UEVN}
        contexts:
        - name: dev
          context: {cluster: lab, user: alice}
        users:
        - name: alice
          user: {{{user}}}
        """);
}
