using Rind.IntegrationTests.Infrastructure;
using Rind.IntegrationTests.Infrastructure.Kubernetes;

namespace Rind.IntegrationTests;

/// <summary>
/// The fake API server, proven with the real kubectl: what kubectl accepts from it, a real cluster
/// could have said. Each test starts a cluster of its own, with pods that are containers of the test
/// engine, and runs kubectl against it with a kubeconfig and a home of the test's own.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class FakeClusterKubectlTests : IAsyncLifetime
{
    private const string Kubectl = "kubectl";
    private static readonly TimeSpan KubectlTimeout = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("rind-it-kube-");
    private FakeCluster _cluster = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _home.Delete(recursive: true);
    }

    [Fact(Timeout = 120_000)]
    public async Task Kubectl_lists_exactly_the_labelled_pods_of_the_namespace()
    {
        await StartClusterAsync();
        await _cluster.RunPodAsync("web-7d9f", labels: Labels(("app.rind", "")));
        await _cluster.RunPodAsync("worker-5c2a", labels: Labels(("app.rind", "source /venv/bin/activate"), ("tier", "back")));
        await _cluster.RunPodAsync("db-0", labels: Labels(("tier", "back")));
        await _cluster.RunPodAsync("other-1", labels: Labels(("app.rind", "")), @namespace: "other");

        var result = await KubectlAsync(["get", "pods", "-l", "app.rind", "-o", "name"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("pod/web-7d9f\npod/worker-5c2a\n", result.Stdout);
    }

    [Fact(Timeout = 120_000)]
    public async Task Kubectl_selects_pods_by_label_value_and_by_field()
    {
        await StartClusterAsync();
        await _cluster.RunPodAsync("web-7d9f", labels: Labels(("app.rind", ""), ("tier", "front")));
        await _cluster.RunPodAsync("worker-5c2a", labels: Labels(("app.rind", ""), ("tier", "back")));
        var starting = await _cluster.RunPodAsync("worker-9e1b", labels: Labels(("app.rind", ""), ("tier", "back")));
        _cluster.AddPod(starting with { Phase = "Pending", Ready = false });

        var byValue = await KubectlAsync(["get", "pods", "-l", "app.rind,tier=back", "-o", "name"]);
        var byInequality = await KubectlAsync(["get", "pods", "-l", "tier!=back", "-o", "name"]);
        var byPhase = await KubectlAsync(["get", "pods", "-l", "app.rind", "--field-selector", "status.phase=Running", "-o", "name"]);
        var byName = await KubectlAsync(["get", "pods", "--field-selector", "metadata.name=worker-9e1b", "-o", "name"]);

        Assert.Equal("pod/worker-5c2a\npod/worker-9e1b\n", byValue.Stdout);
        Assert.Equal("pod/web-7d9f\n", byInequality.Stdout);
        Assert.Equal("pod/web-7d9f\npod/worker-5c2a\n", byPhase.Stdout);
        Assert.Equal("pod/worker-9e1b\n", byName.Stdout);
    }

    [Fact(Timeout = 120_000)]
    public async Task Kubectl_exec_gives_piped_binary_stdin_back_exactly_and_the_commands_exit_code()
    {
        await StartClusterAsync();
        await _cluster.RunPodAsync("web-7d9f", labels: Labels(("app.rind", "")));
        var input = Enumerable.Range(0, 256 * 1024).Select(index => (byte)(index * 7 % 256)).ToArray();

        var result = await KubectlAsync(["exec", "-i", "web-7d9f", "--", "sh", "-c", "cat; exit 3"], input);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(input, result.StdoutBytes);
        Assert.Equal("command terminated with exit code 3\n", result.Stderr);
    }

    [Fact(Timeout = 120_000)]
    public async Task Kubectl_speaks_websocket_v5_to_the_fake_ends_stdin_with_its_close_message_and_needs_no_fallback()
    {
        await StartClusterAsync();
        await _cluster.RunPodAsync("web-7d9f", labels: Labels(("app.rind", "")));

        var result = await KubectlAsync(["exec", "-i", "web-7d9f", "--", "cat"], "piped\n"u8.ToArray());

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("piped\n", result.Stdout);
        var exec = Assert.Single(_cluster.ExecRequests);
        Assert.Equal("GET", exec.Method);
        Assert.Equal("websocket", exec.Upgrade);
        Assert.Equal("v5.channel.k8s.io", exec.AgreedProtocol);
        Assert.True(exec.StdinEnded);
        Assert.Equal(0, exec.ExitCode);
        Assert.Equal(["cat"], exec.Command);
        Assert.Equal("app", exec.Container);
        Assert.True(exec.Stdin && exec.Stdout && exec.Stderr && !exec.Tty);
    }

    [Fact(Timeout = 120_000)]
    public async Task Kubectl_exec_passes_arguments_with_spaces_quotes_dollars_and_empty_strings_unchanged()
    {
        await StartClusterAsync();
        await _cluster.RunPodAsync("web-7d9f");
        string[] arguments = ["two words", "it's", "\"quoted\"", "$HOME", "", "*", "back\\slash", "new\nline", "tab\there", "ünïcödé"];

        var result = await KubectlAsync(["exec", "web-7d9f", "--", "sh", "-c", "for a; do printf '<%s>' \"$a\"; done", "sh", .. arguments]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Concat(arguments.Select(argument => $"<{argument}>")), result.Stdout);
        Assert.Equal(["sh", "-c", "for a; do printf '<%s>' \"$a\"; done", "sh", .. arguments], Assert.Single(_cluster.ExecRequests).Command);
    }

    [Fact(Timeout = 120_000)]
    public async Task Kubectl_exec_keeps_stderr_apart_from_stdout()
    {
        await StartClusterAsync();
        await _cluster.RunPodAsync("web-7d9f");

        var result = await KubectlAsync(["exec", "web-7d9f", "--", "sh", "-c", "echo out; echo err >&2; echo more"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("out\nmore\n", result.Stdout);
        Assert.Equal("err\n", result.Stderr);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_command_that_cannot_start_gives_kubectl_the_runtimes_message_through_the_api_servers_internal_error()
    {
        await StartClusterAsync();
        await _cluster.RunPodAsync("web-7d9f");

        var result = await KubectlAsync(["exec", "web-7d9f", "--", "no-such-command"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: Internal error occurred: Internal error occurred: error executing command in container: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("OCI runtime exec failed", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("no-such-command", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_unknown_pod_or_namespace_gives_kubectls_usual_not_found_errors()
    {
        await StartClusterAsync();
        await _cluster.RunPodAsync("web-7d9f");

        var unknownPod = await KubectlAsync(["exec", "nope", "--", "true"]);
        var unknownNamespace = await KubectlAsync(["exec", "-n", "ghost", "web-7d9f", "--", "true"]);
        var namespaceItself = await KubectlAsync(["get", "namespace", "ghost"]);
        var listInIt = await KubectlAsync(["get", "pods", "-n", "ghost"]);

        Assert.Equal((1, "Error from server (NotFound): pods \"nope\" not found\n"), (unknownPod.ExitCode, unknownPod.Stderr));

        // kubectl looks the namespace up when the pod is not found, and names what is missing.
        Assert.Equal((1, "Error from server (NotFound): namespaces \"ghost\" not found\n"), (unknownNamespace.ExitCode, unknownNamespace.Stderr));
        Assert.Equal((1, "Error from server (NotFound): namespaces \"ghost\" not found\n"), (namespaceItself.ExitCode, namespaceItself.Stderr));

        // Listing does not look the namespace up, on a real server either.
        Assert.Equal((0, "No resources found in ghost namespace.\n"), (listInIt.ExitCode, listInIt.Stderr));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_wrong_token_is_refused_as_unauthorized()
    {
        await StartClusterAsync();
        await _cluster.RunPodAsync("web-7d9f");

        var result = await KubectlAsync(["get", "pods"], kubeconfig: new FakeKubeconfigOptions { Token = "wrong" });

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith("error: You must be logged in to the server (the server has asked for the client to provide credentials)\n", result.Stderr, StringComparison.Ordinal);
        Assert.All(_cluster.Requests.Skip(1), request => Assert.DoesNotContain("/pods", request.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task Rbac_refusals_reach_kubectl_in_the_api_servers_words()
    {
        await StartClusterAsync(new FakeClusterOptions { Forbidden = new HashSet<string> { "list pods", "create pods/exec" } });
        await _cluster.RunPodAsync("web-7d9f");

        var list = await KubectlAsync(["get", "pods"]);
        var exec = await KubectlAsync(["exec", "web-7d9f", "--", "true"]);

        Assert.Equal(1, list.ExitCode);
        Assert.Equal(
            "Error from server (Forbidden): pods is forbidden: User \"fake-user\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"\n",
            list.Stderr);
        Assert.Equal(1, exec.ExitCode);
        Assert.Contains(
            "pods \"web-7d9f\" is forbidden: User \"fake-user\" cannot create resource \"pods/exec\" in API group \"\" in the namespace \"default\"",
            exec.Stderr,
            StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_kubeconfig_with_the_wrong_authority_fails_kubectls_certificate_check()
    {
        await StartClusterAsync();

        var result = await KubectlAsync(["get", "pods"], kubeconfig: new FakeKubeconfigOptions { WrongAuthority = true });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("x509: certificate signed by unknown authority", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(_cluster.Requests);
    }

    [Fact(Timeout = 120_000)]
    public async Task Kubectl_authenticates_with_an_exec_credential_plugin_and_with_a_client_certificate()
    {
        await StartClusterAsync();
        await _cluster.RunPodAsync("web-7d9f");
        var plugin = new FakeCredentialPlugin { Args = ["get-token", "--cluster", "fake"], Env = new Dictionary<string, string> { ["FAKE_REGION"] = "eu-1" } };

        var byPlugin = await KubectlAsync(["get", "pods", "-o", "name"], kubeconfig: new FakeKubeconfigOptions { CredentialPlugin = plugin });
        var runs = new FakeKubeconfig(Path.Combine(_home.FullName, "config"), Path.Combine(_home.FullName, "config.credential-plugin.runs")).PluginRuns();
        var byCertificate = await KubectlAsync(["get", "pods", "-o", "name"], kubeconfig: new FakeKubeconfigOptions { ClientCertificate = true });

        Assert.Equal((0, "pod/web-7d9f\n"), (byPlugin.ExitCode, byPlugin.Stdout));
        Assert.NotEmpty(runs);
        Assert.StartsWith("args=[get-token --cluster fake] FAKE_REGION=eu-1 info={", runs[0], StringComparison.Ordinal);
        Assert.Equal((0, "pod/web-7d9f\n"), (byCertificate.ExitCode, byCertificate.Stdout));
    }

    private async Task StartClusterAsync(FakeClusterOptions? options = null) => _cluster = await FakeCluster.StartAsync(options);

    private async Task<ProcessResult> KubectlAsync(IEnumerable<string> arguments, byte[]? stdin = null, FakeKubeconfigOptions? kubeconfig = null)
    {
        var path = Path.Combine(_home.FullName, "config");
        _cluster.WriteKubeconfig(path, kubeconfig);
        return await ProcessRunner.RunAsync(
            Kubectl,
            arguments,
            stdin,
            new Dictionary<string, string?> { ["KUBECONFIG"] = path, ["HOME"] = _home.FullName },
            KubectlTimeout);
    }

    private static Dictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToDictionary(label => label.Key, label => label.Value);
}
