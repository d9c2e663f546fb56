using Rind.Kubernetes.Configuration;

namespace Rind.Tests.Kubernetes.Configuration;

public sealed class KubeconfigParserTests
{
    private const string File = "/home/dev/.kube/config";

    [Fact]
    public void Clusters_contexts_and_users_are_read_by_name()
    {
        var config = KubeconfigParser.Parse(
            """
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
            - name: lab
              cluster:
                server: https://lab.example:6443
                certificate-authority-data: UEVN
                insecure-skip-tls-verify: false
                tls-server-name: api.lab
                proxy-url: http://proxy:3128
            contexts:
            - name: dev
              context: {cluster: lab, user: alice, namespace: shop}
            users:
            - name: alice
              user:
                token: secret
            """,
            File);

        Assert.Equal("dev", config.CurrentContext);
        var cluster = config.Clusters["lab"];
        Assert.Equal("https://lab.example:6443", cluster.Server);
        Assert.Equal("PEM"u8.ToArray(), cluster.CertificateAuthorityData);
        Assert.False(cluster.InsecureSkipTlsVerify);
        Assert.Equal("api.lab", cluster.TlsServerName);
        Assert.Equal("http://proxy:3128", cluster.ProxyUrl);
        Assert.Equal(new KubeconfigContext("lab", "alice", "shop"), config.Contexts["dev"]);
        Assert.Equal("secret", config.Users["alice"].Token);
    }

    [Fact]
    public void A_kubeconfig_in_JSON_is_read_as_YAML_includes_JSON()
    {
        var config = KubeconfigParser.Parse(
            """
            {
              "apiVersion": "v1",
              "current-context": "dev",
              "clusters": [{"name": "lab", "cluster": {"server": "https://lab.example", "insecure-skip-tls-verify": true}}],
              "contexts": [{"name": "dev", "context": {"cluster": "lab", "user": "alice"}}],
              "users": [{"name": "alice", "user": {"exec": {"apiVersion": "client.authentication.k8s.io/v1", "command": "aws", "args": ["eks", "get-token"], "interactiveMode": "Never"}}}]
            }
            """,
            File);

        Assert.Equal("dev", config.CurrentContext);
        Assert.True(config.Clusters["lab"].InsecureSkipTlsVerify);
        Assert.Equal(["eks", "get-token"], config.Users["alice"].Exec!.Args);
    }

    [Fact]
    public void Relative_paths_are_taken_from_the_folder_of_the_file_and_absolute_ones_kept()
    {
        var config = KubeconfigParser.Parse(
            """
            clusters:
            - name: lab
              cluster: {server: "https://lab", certificate-authority: certs/ca.crt}
            users:
            - name: alice
              user: {client-certificate: alice.crt, client-key: /keys/alice.key, tokenFile: ../token}
            - name: bob
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1, command: ./bin/login, interactiveMode: Never}
            - name: carol
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1, command: kubelogin, interactiveMode: Never}
            """,
            File);

        Assert.Equal("/home/dev/.kube/certs/ca.crt", config.Clusters["lab"].CertificateAuthority);
        var alice = config.Users["alice"];
        Assert.Equal("/home/dev/.kube/alice.crt", alice.ClientCertificate);
        Assert.Equal("/keys/alice.key", alice.ClientKey);
        Assert.Equal("/home/dev/.kube/../token", alice.TokenFile);
        Assert.Equal("/home/dev/.kube/./bin/login", config.Users["bob"].Exec!.Command);
        Assert.Equal("kubelogin", config.Users["carol"].Exec!.Command);
    }

    [Fact]
    public void An_exec_entry_is_read_whole()
    {
        var exec = KubeconfigParser.Parse(
            """
            users:
            - name: alice
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: gke-gcloud-auth-plugin
                  args: [--verbose, "two words"]
                  env:
                  - name: REGION
                    value: eu-west-1
                  - name: EMPTY
                  installHint: install it
                  provideClusterInfo: true
                  interactiveMode: IfAvailable
            """,
            File).Users["alice"].Exec!;

        Assert.Equal("client.authentication.k8s.io/v1beta1", exec.ApiVersion);
        Assert.Equal(["--verbose", "two words"], exec.Args);
        Assert.Equal([new("REGION", "eu-west-1"), new("EMPTY", "")], exec.Env);
        Assert.Equal("install it", exec.InstallHint);
        Assert.True(exec.ProvideClusterInfo);
        Assert.Equal("IfAvailable", exec.InteractiveMode);
    }

    [Fact]
    public void Basic_authentication_auth_providers_and_impersonation_are_noticed()
    {
        var users = KubeconfigParser.Parse(
            """
            users:
            - name: basic
              user: {username: admin, password: secret}
            - name: legacy
              user:
                auth-provider: {name: gcp, config: {access-token: x}}
            - name: other
              user: {as: root}
            """,
            File).Users;

        Assert.True(users["basic"].HasBasicAuthentication);
        Assert.Equal("gcp", users["legacy"].AuthProvider);
        Assert.Equal("root", users["other"].Impersonate);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing but a comment\n")]
    [InlineData("null\n")]
    [InlineData("clusters:\ncontexts: ~\nusers: null\n")]
    public void An_empty_file_is_an_empty_kubeconfig(string text)
    {
        var config = KubeconfigParser.Parse(text, File);

        Assert.Null(config.CurrentContext);
        Assert.Empty(config.Contexts);
        Assert.Empty(config.Clusters);
        Assert.Empty(config.Users);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("True", true)]
    [InlineData("off", false)]
    [InlineData("FALSE", false)]
    public void Booleans_are_read_with_the_words_kubectl_takes(string word, bool expected)
    {
        var config = KubeconfigParser.Parse($"clusters:\n- name: lab\n  cluster:\n    insecure-skip-tls-verify: {word}\n", File);

        Assert.Equal(expected, config.Clusters["lab"].InsecureSkipTlsVerify);
    }

    [Fact]
    public void Text_that_is_not_YAML_is_refused_naming_the_file_and_line()
    {
        var message = Refusal("clusters:\n- name: lab\n  cluster: {server: [\n");

        Assert.StartsWith($"cannot read the kubeconfig {File}: it is not valid YAML at line ", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Theory]
    [InlineData("clusters: {lab: {}}\n", "clusters is not a list (line 1)")]
    [InlineData("- just a list\n", "it is not a mapping of settings (line 1)")]
    [InlineData("clusters:\n- lab\n", "clusters[0] is not a mapping (line 2)")]
    [InlineData("clusters:\n- name: lab\n  cluster: {server: [a]}\n", "clusters[0].cluster.server is not a text value (line 3)")]
    [InlineData("clusters:\n- name: lab\n  cluster:\n    insecure-skip-tls-verify: \"true\"\n", "clusters[0].cluster.insecure-skip-tls-verify is not true or false (line 4)")]
    [InlineData("clusters:\n- name: lab\n  cluster:\n    certificate-authority-data: not*base64\n", "clusters[0].cluster.certificate-authority-data is not base64 (line 4)")]
    [InlineData("users:\n- name: a\n  user:\n    exec: {args: [x, {y: z}]}\n", "users[0].user.exec.args[1] is not a text value (line 4)")]
    [InlineData("users:\n- name: a\n  user:\n    client-key-data: UEVN\n      UEVN\n", "users[0].user.client-key-data is not base64 (line 4)")]
    public void A_field_of_the_wrong_kind_is_refused_naming_it_and_its_line(string text, string expected)
    {
        Assert.Equal($"cannot read the kubeconfig {File}: {expected}", Refusal(text));
    }

    [Theory]
    [InlineData("123", "is a number")]
    [InlineData("0x1F", "is a number")]
    [InlineData("1_000", "is a number")]
    [InlineData("-1.5e3", "is a number")]
    [InlineData(".5", "is a number")]
    [InlineData(".inf", "is a number")]
    [InlineData("y", "is true or false")]
    [InlineData("Off", "is true or false")]
    public void An_unquoted_number_or_boolean_where_text_belongs_is_refused_as_kubectl_refuses_it(string word, string what)
    {
        var message = Refusal($"users:\n- name: a\n  user:\n    token: {word}\n");

        Assert.Equal($"cannot read the kubeconfig {File}: users[0].user.token {what}, not text: quote it (line 4)", message);
    }

    [Theory]
    [InlineData("\"123\"")]
    [InlineData("1:20")]
    [InlineData("2001-12-14")]
    [InlineData("0x")]
    [InlineData("1.2.3")]
    [InlineData("tRue")]
    [InlineData("1e")]
    public void Quoted_numbers_and_plain_words_that_are_no_number_are_text(string word)
    {
        var config = KubeconfigParser.Parse($"users:\n- name: a\n  user:\n    token: {word}\n", File);

        Assert.Equal(word.Trim('"'), config.Users["a"].Token);
    }

    [Fact]
    public void Null_items_are_empty_as_kubectl_takes_them()
    {
        var exec = KubeconfigParser.Parse("users:\n- name: a\n  user:\n    exec: {command: c, args: [x, ~, null], env: [null]}\n- null\n", File).Users["a"].Exec!;

        Assert.Equal(["x", "", ""], exec.Args);
        Assert.Equal([new("", "")], exec.Env);
    }

    [Fact]
    public void A_name_twice_in_one_list_is_refused_as_kubectl_refuses_it()
    {
        var message = Refusal("contexts:\n- name: dev\n  context: {cluster: a}\n- name: dev\n  context: {cluster: b}\n");

        Assert.Equal($"cannot read the kubeconfig {File}: contexts[1]: the name \"dev\" is in contexts twice (line 4)", message);
    }

    private static string Refusal(string text) => Assert.Throws<RindException>(() => KubeconfigParser.Parse(text, File)).Message;
}
