using Rind.Kubernetes;
using Rind.Kubernetes.Configuration;

namespace Rind.Tests.Kubernetes.Configuration;

public sealed class KubeconfigResolverTests : IDisposable
{
    private const string OneContext = """
        current-context: dev
        clusters:
        - name: lab
          cluster: {server: "https://lab.example:6443"}
        contexts:
        - name: dev
          context: {cluster: lab, user: alice, namespace: shop}
        - name: bare
          context: {cluster: lab}
        users:
        - name: alice
          user: {token: alice-token}
        """;

    private readonly KubeconfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_current_context_gives_the_server_namespace_and_credentials()
    {
        var access = _folder.Resolve(_folder.Write("config", OneContext));

        Assert.Equal(new Uri("https://lab.example:6443"), access.Server);
        Assert.Equal("dev", access.ContextName);
        Assert.Equal("shop", access.Namespace);
        Assert.Equal("alice-token", access.Credentials.Get().BearerToken);
        Assert.Null(access.CertificateAuthority);
        Assert.False(access.InsecureSkipTlsVerify);
        Assert.Null(access.TlsServerName);
        Assert.Null(access.Proxy);
    }

    [Fact]
    public void The_context_and_namespace_given_win_over_the_kubeconfig()
    {
        var access = _folder.Resolve(_folder.Write("config", OneContext), context: "bare", namespaceName: "other");

        Assert.Equal("bare", access.ContextName);
        Assert.Equal("other", access.Namespace);
    }

    [Fact]
    public void A_context_without_a_namespace_uses_default_and_one_without_a_user_sends_no_credentials()
    {
        var access = _folder.Resolve(_folder.Write("config", OneContext), context: "bare");

        Assert.Equal("default", access.Namespace);
        Assert.Equal(ClusterCredential.None, access.Credentials.Get());
    }

    [Fact]
    public void Several_files_are_merged_the_first_to_name_something_winning_and_missing_ones_passed_over()
    {
        var first = _folder.Write("first.yaml", """
            users:
            - name: alice
              user: {token: from-first}
            """);
        var second = _folder.Write("second.yaml", """
            current-context: dev
            users:
            - name: alice
              user: {token: from-second}
            """);
        var third = _folder.Write("third.yaml", OneContext.Replace("current-context: dev", "current-context: bare", StringComparison.Ordinal));

        var access = _folder.Resolve($"{_folder.PathOf("missing.yaml")}:{first}::{second}:{third}");

        Assert.Equal("dev", access.ContextName);
        Assert.Equal("from-first", access.Credentials.Get().BearerToken);
        Assert.Equal(new Uri("https://lab.example:6443"), access.Server);
    }

    [Fact]
    public void Without_KUBECONFIG_the_home_folder_s_kube_config_is_read()
    {
        _folder.Write("home/.kube/config", OneContext);
        var environment = new Fakes.FakeEnvironment(("HOME", _folder.PathOf("home")));

        var access = KubeconfigResolver.Resolve(environment, null, null, _folder.Streams, new Fakes.FakeTerminal(false));

        Assert.Equal("dev", access.ContextName);
    }

    [Fact]
    public void The_cluster_s_TLS_and_proxy_settings_are_passed_on()
    {
        var authority = new TestCertificate("lab-ca");
        _folder.Write("certs/ca.crt", authority.CertificatePem);
        var access = _folder.Resolve(_folder.Write("config", """
            current-context: dev
            clusters:
            - name: lab
              cluster:
                server: https://10.0.0.1:6443/prefix
                certificate-authority: certs/ca.crt
                tls-server-name: api.lab
                proxy-url: socks5://proxy:1080
            contexts:
            - name: dev
              context: {cluster: lab}
            """));

        Assert.Equal(new Uri("https://10.0.0.1:6443/prefix"), access.Server);
        Assert.Equal(authority.CertificatePem, System.Text.Encoding.UTF8.GetString(access.CertificateAuthority!));
        Assert.Equal("api.lab", access.TlsServerName);
        Assert.Equal(new Uri("socks5://proxy:1080"), access.Proxy);
    }

    [Fact]
    public void Certificate_authority_data_wins_over_the_file_and_insecure_skip_is_passed_on()
    {
        var withData = _folder.Resolve(_folder.Write("data", $$"""
            current-context: dev
            clusters:
            - name: lab
              cluster: {server: "https://lab", certificate-authority: missing.crt, certificate-authority-data: {{TestCertificate.Base64("PEM")}}}
            contexts:
            - name: dev
              context: {cluster: lab}
            """));
        var insecure = _folder.Resolve(_folder.Write("insecure", """
            current-context: dev
            clusters:
            - name: lab
              cluster: {server: "https://lab", insecure-skip-tls-verify: true}
            contexts:
            - name: dev
              context: {cluster: lab}
            """));

        Assert.Equal("PEM"u8.ToArray(), withData.CertificateAuthority);
        Assert.True(insecure.InsecureSkipTlsVerify);
    }

    [Fact]
    public void No_existing_file_among_those_KUBECONFIG_names_is_said()
    {
        var missing = _folder.PathOf("missing.yaml");

        Assert.Equal($"no kubeconfig: none of the files KUBECONFIG names exists ({missing})", _folder.Refusal(missing));
    }

    [Fact]
    public void No_file_in_the_home_folder_is_said()
    {
        var environment = new Fakes.FakeEnvironment(("HOME", _folder.Root));

        var message = Assert.Throws<RindException>(() => KubeconfigResolver.Resolve(environment, null, null, _folder.Streams, new Fakes.FakeTerminal(false))).Message;

        Assert.Equal($"no kubeconfig: {_folder.Root}/.kube/config does not exist and KUBECONFIG is not set", message);
    }

    [Fact]
    public void A_kubeconfig_that_is_not_a_regular_file_is_refused_naming_it()
    {
        Directory.CreateDirectory(_folder.PathOf("folder"));

        Assert.Equal($"cannot read the kubeconfig {_folder.PathOf("folder")}: it is a folder", _folder.Refusal(_folder.PathOf("folder")));
    }

    [Fact]
    public void A_kubeconfig_larger_than_32_MiB_is_refused()
    {
        var path = _folder.PathOf("huge");
        using (var file = File.Create(path))
        {
            file.SetLength((32 * 1024 * 1024) + 1);
        }

        Assert.Equal($"cannot read the kubeconfig {path}: it is larger than 32 MiB", _folder.Refusal(path));
    }

    [Fact]
    public void No_current_context_and_none_given_lists_the_contexts_there_are()
    {
        var path = _folder.Write("config", OneContext.Replace("current-context: dev", "", StringComparison.Ordinal));

        Assert.Equal(
            $"the kubeconfig ({path}) sets no current-context: name one with --kube-context (it has \"bare\", \"dev\")",
            _folder.Refusal(path));
    }

    [Fact]
    public void A_kubeconfig_without_contexts_says_so()
    {
        var path = _folder.Write("config", "clusters: []\n");

        Assert.Equal($"the kubeconfig ({path}) has no context and sets no current-context", _folder.Refusal(path));
    }

    [Fact]
    public void A_context_not_in_the_kubeconfig_lists_the_known_ones_as_untrusted_text()
    {
        var path = _folder.Write("config", OneContext.Replace("- name: bare", "- name: \"bare\\e[31m\"", StringComparison.Ordinal));

        Assert.Equal(
            $"context \"prod\" is not in the kubeconfig ({path}; it has \"bare\\x1b[31m\", \"dev\")",
            _folder.Refusal(path, context: "prod"));
    }

    [Fact]
    public void A_long_list_of_contexts_is_cut_to_ten()
    {
        var contexts = string.Concat(Enumerable.Range(10, 15).Select(i => $"- name: c{i}\n  context: {{cluster: lab}}\n"));
        var path = _folder.Write("config", $"contexts:\n{contexts}");

        Assert.EndsWith("\"c18\", \"c19\" and 5 more)", _folder.Refusal(path, context: "prod"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contexts:\n- name: dev\n  context: {user: alice}\n", "context \"dev\" names no cluster")]
    [InlineData("contexts:\n- name: dev\n  context: {cluster: lab}\n", "context \"dev\" names cluster \"lab\", which is not in the kubeconfig (PATH)")]
    [InlineData("contexts:\n- name: dev\n  context: {cluster: lab, user: bob}\nclusters:\n- name: lab\n  cluster: {server: 'https://lab'}\n", "context \"dev\" names user \"bob\", which is not in the kubeconfig (PATH)")]
    [InlineData("contexts:\n- name: dev\n  context: {cluster: lab}\nclusters:\n- name: lab\n  cluster: {}\n", "cluster \"lab\" has no server")]
    [InlineData("contexts:\n- name: dev\n  context: {cluster: lab}\nclusters:\n- name: lab\n  cluster: {server: 'lab.example:6443'}\n", "cluster \"lab\" has server \"lab.example:6443\", which is not an https:// or http:// address")]
    [InlineData("contexts:\n- name: dev\n  context: {cluster: lab}\nclusters:\n- name: lab\n  cluster: {server: 'ftp://lab'}\n", "cluster \"lab\" has server \"ftp://lab\", which is not an https:// or http:// address")]
    [InlineData("contexts:\n- name: dev\n  context: {cluster: lab}\nclusters:\n- name: lab\n  cluster: {server: 'https://lab', proxy-url: 'ftp://proxy'}\n", "cluster \"lab\" has proxy-url \"ftp://proxy\", which is not an http://, https:// or socks5:// address")]
    [InlineData("contexts:\n- name: dev\n  context: {cluster: lab}\nclusters:\n- name: lab\n  cluster: {server: 'https://lab', certificate-authority-data: UEVN, insecure-skip-tls-verify: true}\n", "cluster \"lab\" both names a certificate-authority and sets insecure-skip-tls-verify, which kubectl refuses too")]
    public void A_context_that_does_not_lead_to_a_server_is_refused_in_one_line(string kubeconfig, string expected)
    {
        var path = _folder.Write("config", kubeconfig);

        Assert.Equal(expected.Replace("PATH", path, StringComparison.Ordinal), _folder.Refusal(path, context: "dev"));
    }

    [Fact]
    public void A_missing_certificate_authority_file_is_refused_naming_it()
    {
        var path = _folder.Write("config", "contexts:\n- name: dev\n  context: {cluster: lab}\nclusters:\n- name: lab\n  cluster: {server: 'https://lab', certificate-authority: ca.crt}\n");

        Assert.Equal(
            $"cannot read the certificate-authority of cluster \"lab\", {_folder.PathOf("ca.crt")}: it does not exist",
            _folder.Refusal(path, context: "dev"));
    }

    [Theory]
    [InlineData("{username: admin, password: secret}", "user \"alice\" uses basic authentication (username and password), which rind does not support")]
    [InlineData("{auth-provider: {name: oidc}}", "user \"alice\" uses auth-provider \"oidc\", which rind does not support: use an exec credential plugin instead")]
    [InlineData("{as: root, token: t}", "user \"alice\" impersonates \"root\" (as), which rind does not support")]
    [InlineData("{client-certificate: alice.crt}", "user \"alice\" has a client-certificate but no client-key")]
    [InlineData("{client-key-data: UEVN}", "user \"alice\" has a client-key but no client-certificate")]
    [InlineData("{exec: {command: aws, interactiveMode: Never}}", "the exec credential plugin of user \"alice\" has no apiVersion (client.authentication.k8s.io/v1 or client.authentication.k8s.io/v1beta1)")]
    public void A_user_set_up_in_a_way_rind_does_not_follow_is_refused_before_any_request(string user, string expected)
    {
        var path = _folder.Write("config", $"contexts:\n- name: dev\n  context: {{cluster: lab, user: alice}}\nclusters:\n- name: lab\n  cluster: {{server: 'https://lab'}}\nusers:\n- name: alice\n  user: {user}\n");

        Assert.Equal(expected, _folder.Refusal(path, context: "dev"));
    }
}
