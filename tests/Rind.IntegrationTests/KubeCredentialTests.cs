using System.Text;
using Rind.IntegrationTests.Infrastructure;
using Rind.IntegrationTests.Infrastructure.Kubernetes;

namespace Rind.IntegrationTests;

/// <summary>
/// Credentials and trust as kubectl reads them from the kubeconfig, and refusals of the API server in
/// its own words, each in one line with exit 125.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class KubeCredentialTests : IAsyncLifetime
{
    private readonly KubeTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact(Timeout = 120_000)]
    public async Task A_bearer_token_from_a_token_file_is_accepted()
    {
        var (cluster, pod) = await _bed.StartClusterWithPodAsync();
        var tokenFile = Path.Combine(_bed.Home.Path, "token");
        await File.WriteAllTextAsync(tokenFile, cluster.Token + "\n");
        await RewriteKubeconfigAsync(text => ReplaceLine(text, "    token: ", $"    tokenFile: {Quote(tokenFile)}"));

        var result = await _bed.Home.RunAsync(["hostname"]);

        Assert.Equal((0, pod.Containers[0].Hostname + "\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_client_certificate_and_key_given_as_data_are_accepted()
    {
        var (_, pod) = await _bed.StartClusterWithPodAsync(kubeconfig: new FakeKubeconfigOptions { ClientCertificate = true });

        var result = await _bed.Home.RunAsync(["hostname"]);

        Assert.Equal((0, pod.Containers[0].Hostname + "\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_client_certificate_key_and_cluster_authority_given_as_files_are_accepted()
    {
        var (cluster, pod) = await _bed.StartClusterWithPodAsync(kubeconfig: new FakeKubeconfigOptions { ClientCertificate = true });
        var (certificatePem, keyPem) = cluster.IssueClientCertificate(cluster.Options.UserName);
        var files = new Dictionary<string, string> { ["ca.crt"] = cluster.CaPem, ["client.crt"] = certificatePem, ["client.key"] = keyPem };
        foreach (var (name, pem) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(_bed.Home.Path, name), pem);
        }

        // Relative to the kubeconfig's own folder, as kubectl reads them.
        await RewriteKubeconfigAsync(text =>
            ReplaceLine(ReplaceLine(ReplaceLine(text,
                "    certificate-authority-data: ", $"    certificate-authority: {Quote(Path.Combine(_bed.Home.Path, "ca.crt"))}"),
                "    client-certificate-data: ", $"    client-certificate: {Quote("../client.crt")}"),
                "    client-key-data: ", $"    client-key: {Quote(Path.Combine(_bed.Home.Path, "client.key"))}"));

        var result = await _bed.Home.RunAsync(["hostname"]);

        Assert.Equal((0, pod.Containers[0].Hostname + "\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Theory(Timeout = 120_000)]
    [InlineData("client.authentication.k8s.io/v1", false)]
    [InlineData("client.authentication.k8s.io/v1beta1", false)]
    [InlineData("client.authentication.k8s.io/v1", true)]
    public async Task An_exec_credential_plugin_is_run_with_its_arguments_and_environment_and_its_credential_is_used(string apiVersion, bool certificate)
    {
        var plugin = new FakeCredentialPlugin
        {
            ApiVersion = apiVersion,
            Args = ["get-token", "--cluster", "fake"],
            Env = new Dictionary<string, string> { ["FAKE_REGION"] = "eu-1" },
            GivesClientCertificate = certificate,
        };
        var (cluster, pod) = await _bed.StartClusterWithPodAsync();
        var kubeconfig = _bed.Home.Write(cluster, new FakeKubeconfigOptions { CredentialPlugin = plugin });

        var result = await _bed.Home.RunAsync(["hostname"]);

        Assert.Equal((0, pod.Containers[0].Hostname + "\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
        var run = Assert.Single(kubeconfig.PluginRuns());
        Assert.StartsWith("args=[get-token --cluster fake] FAKE_REGION=eu-1 info={", run, StringComparison.Ordinal);
        Assert.Contains($"\"apiVersion\":\"{apiVersion}\"", run.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_exec_credential_plugin_that_always_needs_a_terminal_is_not_run_without_one()
    {
        var plugin = new FakeCredentialPlugin { InteractiveMode = "Always" };
        var (cluster, _) = await _bed.StartClusterWithPodAsync();
        var kubeconfig = _bed.Home.Write(cluster, new FakeKubeconfigOptions { CredentialPlugin = plugin });

        var result = await _bed.Home.RunAsync(["true"]);

        Assert.Equal((125, ""), (result.ExitCode, result.Stdout));
        RindStderr.AssertOneLine(result.Stderr);
        Assert.Contains("interactiveMode Always", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(kubeconfig.PluginRuns());
        Assert.Empty(cluster.Requests);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_failing_exec_credential_plugin_is_named_in_one_line()
    {
        var plugin = new FakeCredentialPlugin { Fails = (3, "token expired") };
        var (cluster, _) = await _bed.StartClusterWithPodAsync();
        _bed.Home.Write(cluster, new FakeKubeconfigOptions { CredentialPlugin = plugin });

        var result = await _bed.Home.RunAsync(["true"]);

        Assert.Equal((125, ""), (result.ExitCode, result.Stdout));
        Assert.EndsWith("failed with exit code 3\n", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n'), line => line.StartsWith("rind: ", StringComparison.Ordinal));
        Assert.Empty(cluster.Requests);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_cluster_certificate_from_another_authority_is_refused_in_one_line_and_nothing_is_sent()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync(kubeconfig: new FakeKubeconfigOptions { WrongAuthority = true });

        var result = await _bed.Home.RunAsync(["true"]);

        Assert.Equal((125, ""), (result.ExitCode, result.Stdout));
        RindStderr.AssertOneLine(result.Stderr);
        Assert.Contains($"the cluster at {cluster.Server.GetLeftPart(UriPartial.Authority)}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("certificate", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(cluster.Requests);
    }

    [Fact(Timeout = 120_000)]
    public async Task Insecure_skip_tls_verify_accepts_the_clusters_certificate_unchecked()
    {
        var (_, pod) = await _bed.StartClusterWithPodAsync(kubeconfig: new FakeKubeconfigOptions { InsecureSkipTlsVerify = true });

        var result = await _bed.Home.RunAsync(["hostname"]);

        Assert.Equal((0, pod.Containers[0].Hostname + "\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_proxy_url_carries_the_list_and_the_exec_to_the_cluster()
    {
        await using var proxy = new ConnectProxy();
        var (cluster, pod) = await _bed.StartClusterWithPodAsync();
        await RewriteKubeconfigAsync(text => text.Replace(
            "    server: ", $"    proxy-url: {Quote(proxy.Address.ToString().TrimEnd('/'))}\n    server: ", StringComparison.Ordinal));

        var result = await _bed.Home.RunAsync(["hostname"]);

        Assert.Equal((0, pod.Containers[0].Hostname + "\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
        Assert.NotEmpty(proxy.Targets);
        Assert.All(proxy.Targets, target => Assert.Equal($"127.0.0.1:{cluster.Server.Port}", target));
        Assert.Single(cluster.Execs);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_wrong_token_is_refused_as_unauthorized_in_one_line()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync(kubeconfig: new FakeKubeconfigOptions { Token = "wrong" });

        var result = await _bed.Home.RunAsync(["true"]);

        Assert.Equal((125, ""), (result.ExitCode, result.Stdout));
        RindStderr.AssertOneLine(result.Stderr);
        Assert.StartsWith(
            $"rind: the cluster at {cluster.Server.GetLeftPart(UriPartial.Authority)} refused the list of pods in namespace default (HTTP 401): Unauthorized",
            result.Stderr,
            StringComparison.Ordinal);
        Assert.Empty(cluster.ExecRequests);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_list_refused_by_RBAC_gives_the_servers_own_message_in_one_line()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync(options: KubeTestTransport.Options() with { Forbidden = new HashSet<string> { "list pods" } });

        var result = await _bed.Home.RunAsync(["true"]);

        Assert.Equal((125, ""), (result.ExitCode, result.Stdout));
        RindStderr.AssertOneLine(result.Stderr);
        Assert.Contains(
            "(HTTP 403): pods is forbidden: User \"fake-user\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"",
            result.Stderr,
            StringComparison.Ordinal);
        Assert.Empty(cluster.ExecRequests);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_exec_refused_by_RBAC_gives_the_servers_own_message_in_one_line_and_nothing_runs()
    {
        var (cluster, pod) = await _bed.StartClusterWithPodAsync(options: KubeTestTransport.Options() with { Forbidden = new HashSet<string> { "create pods/exec" } });

        var result = await _bed.Home.RunAsync(["touch", "/tmp/ran"]);

        Assert.Equal((125, ""), (result.ExitCode, result.Stdout));
        RindStderr.AssertOneLine(result.Stderr);
        Assert.Contains(
            "(HTTP 403): pods \"web-7d9f\" is forbidden: User \"fake-user\" cannot create resource \"pods/exec\" in API group \"\" in the namespace \"default\"",
            result.Stderr,
            StringComparison.Ordinal);
        Assert.Equal(1, await pod.Containers[0].RunInEngineAsync("test", "-e", "/tmp/ran"));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_namespace_that_does_not_exist_is_named_in_one_line()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync();

        var result = await _bed.Home.RunAsync(["-n", "ghost", "true"]);

        Assert.Equal((125, ""), (result.ExitCode, result.Stdout));
        RindStderr.AssertOneLine(result.Stderr);
        Assert.StartsWith("rind: no running pod carries the label app.rind in namespace ghost (context fake)", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(cluster.ExecRequests);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_server_that_is_not_there_is_named_in_one_line()
    {
        await _bed.StartClusterWithPodAsync();
        var address = $"https://127.0.0.1:{UnusedPort()}";
        await RewriteKubeconfigAsync(text => ReplaceLine(text, "    server: ", $"    server: {Quote(address)}"));

        var result = await _bed.Home.RunAsync(["true"]);

        Assert.Equal((125, ""), (result.ExitCode, result.Stdout));
        RindStderr.AssertOneLine(result.Stderr);
        Assert.StartsWith($"rind: cannot reach the cluster at {address}", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on: one the system just gave out, and closed again.</summary>
    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ReplaceLine(string text, string start, string replacement)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, line => line.StartsWith(start, StringComparison.Ordinal));
        Assert.True(index >= 0, $"the kubeconfig has no line starting with \"{start}\"");
        lines[index] = replacement;
        return string.Join('\n', lines);
    }

    // The kubeconfigs of the fake write every value as a JSON string, which YAML reads as it is.
    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private async Task RewriteKubeconfigAsync(Func<string, string> rewrite)
    {
        var path = _bed.Home.Kubeconfig!;
        await File.WriteAllTextAsync(path, rewrite(await File.ReadAllTextAsync(path, Encoding.UTF8)));
    }
}
