using Rind.IntegrationTests.Infrastructure;
using Rind.IntegrationTests.Infrastructure.Kubernetes;

namespace Rind.IntegrationTests;

/// <summary>
/// Which certificates rind reads to trust the cluster, seen with strace: the system's (SSL_CERT_FILE,
/// SSL_CERT_DIR) only when the kubeconfig names no authority of its own and does not skip the check, as
/// reading them costs about a tenth of a second of CPU at every run.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class KubeTrustStoreTests : IAsyncLifetime
{
    private readonly KubeTestBed _bed = new();

    private string SystemBundle => Path.Combine(_bed.Home.Path, "system-bundle.pem");

    private string SystemFolder => Path.Combine(_bed.Home.Path, "system-certs");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact(Timeout = 120_000)]
    public async Task A_kubeconfig_that_names_its_authority_spares_reading_the_systems_certificates()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync();
        await WriteSystemStoreAsync(cluster);

        var (result, opened) = await RunTracedAsync();

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.DoesNotContain(opened, path => path.StartsWith(SystemBundle, StringComparison.Ordinal) || path.StartsWith(SystemFolder, StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_kubeconfig_that_skips_the_check_reads_no_system_certificate_either()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync(kubeconfig: new FakeKubeconfigOptions { InsecureSkipTlsVerify = true });
        await WriteSystemStoreAsync(cluster);

        var (result, opened) = await RunTracedAsync();

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.DoesNotContain(opened, path => path.StartsWith(SystemBundle, StringComparison.Ordinal) || path.StartsWith(SystemFolder, StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_kubeconfig_without_an_authority_trusts_the_systems_certificates()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync();
        await WriteSystemStoreAsync(cluster);
        var kubeconfig = _bed.Home.Kubeconfig!;
        var lines = await File.ReadAllLinesAsync(kubeconfig);
        await File.WriteAllLinesAsync(kubeconfig, lines.Where(line => !line.TrimStart().StartsWith("certificate-authority-data:", StringComparison.Ordinal)));

        var (result, opened) = await RunTracedAsync();

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.Contains(SystemBundle, opened);
    }

    /// <summary>A system store of the test's own, which trusts the cluster too.</summary>
    private async Task WriteSystemStoreAsync(FakeCluster cluster)
    {
        await File.WriteAllTextAsync(SystemBundle, cluster.CaPem);
        Directory.CreateDirectory(SystemFolder);
        await File.WriteAllTextAsync(Path.Combine(SystemFolder, "cluster.pem"), cluster.CaPem);
    }

    /// <summary>Runs <c>rind --kube true</c> under strace, with the test's system store: how it ended, and every path it opened.</summary>
    private async Task<(ProcessResult Result, IReadOnlyList<string> Opened)> RunTracedAsync()
    {
        var trace = Path.Combine(_bed.Home.Path, "trace");
        var result = await ProcessRunner.RunAsync(
            "strace",
            ["-f", "-qq", "-e", "trace=open,openat", "-o", trace, RindBinary.Path, "--kube", "true"],
            environment: _bed.Home.Environment(new Dictionary<string, string?> { ["SSL_CERT_FILE"] = SystemBundle, ["SSL_CERT_DIR"] = SystemFolder }),
            timeout: TimeSpan.FromSeconds(60));
        var opened = (await File.ReadAllLinesAsync(trace))
            .Select(line => line.Split('"'))
            .Where(parts => parts.Length >= 2)
            .Select(parts => parts[1])
            .ToArray();
        return (result, opened);
    }
}
