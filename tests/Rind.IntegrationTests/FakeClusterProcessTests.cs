using System.Diagnostics;
using System.Globalization;
using Rind.IntegrationTests.Infrastructure;
using Rind.IntegrationTests.Infrastructure.Kubernetes;

namespace Rind.IntegrationTests;

/// <summary>
/// The fake cluster as a process of its own (<c>dotnet Rind.IntegrationTests.dll fake-cluster</c>), as
/// build/bench.sh runs it: a pod kubectl reaches with the kubeconfig it wrote once it says it is
/// ready, and nothing left behind once it is told to stop.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class FakeClusterProcessTests : IDisposable
{
    private const string Kubectl = "/usr/bin/kubectl";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("rind-it-fake-process-");

    private string KubeconfigPath => Path.Combine(_home.FullName, "config");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact(Timeout = 180_000)]
    public async Task The_process_serves_its_labelled_pod_to_kubectl_and_removes_it_when_its_input_ends()
    {
        var containersBefore = await TestContainerCountAsync();
        using var fake = await StartReadyAsync("bench-0");
        var list = await KubectlAsync(["get", "pods", "-l", "app.rind", "-o", "name"]);
        var exec = await KubectlAsync(["exec", "bench-0", "--", "sh", "-c", "exit 3"]);
        var containersWhileRunning = await TestContainerCountAsync();

        fake.StandardInput.Close();
        await fake.WaitForExitAsync().WaitAsync(StepTimeout);

        Assert.Equal("pod/bench-0\n", list.Stdout);
        Assert.Equal(3, exec.ExitCode);
        Assert.Equal(containersBefore + 1, containersWhileRunning);
        Assert.Equal(0, fake.ExitCode);
        Assert.Equal(containersBefore, await TestContainerCountAsync());
        Assert.False(File.Exists(KubeconfigPath));
    }

    [Fact(Timeout = 180_000)]
    public async Task The_process_removes_its_pod_and_kubeconfig_on_sigterm_while_its_input_stays_open()
    {
        var containersBefore = await TestContainerCountAsync();
        using var fake = await StartReadyAsync("bench-0");
        var containersWhileRunning = await TestContainerCountAsync();

        await ProcessRunner.RunAsync("kill", ["-TERM", fake.Id.ToString(CultureInfo.InvariantCulture)]);
        await fake.WaitForExitAsync().WaitAsync(StepTimeout);

        Assert.Equal(containersBefore + 1, containersWhileRunning);
        Assert.Equal(0, fake.ExitCode);
        Assert.Equal(containersBefore, await TestContainerCountAsync());
        Assert.False(File.Exists(KubeconfigPath));
    }

    /// <summary>Starts the fake cluster's process and waits for its ready line.</summary>
    private async Task<Process> StartReadyAsync(string podName)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(FakeClusterProcess).Assembly.Location, "fake-cluster", "--kubeconfig", KubeconfigPath, "--pod", podName })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the fake cluster's process did not start");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(StepTimeout);
            Assert.Equal(FakeClusterProcess.ReadyLine, line);
            return process;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    private async Task<ProcessResult> KubectlAsync(IEnumerable<string> arguments) =>
        await ProcessRunner.RunAsync(
            Kubectl,
            arguments,
            environment: new Dictionary<string, string?> { ["KUBECONFIG"] = KubeconfigPath, ["HOME"] = _home.FullName },
            timeout: StepTimeout);

    private static async Task<int> TestContainerCountAsync() => (await TestEngine.ListContainersAsync(TestEngine.TestLabel, all: true)).Count;
}
