namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>A kubeconfig file written for a fake cluster.</summary>
/// <param name="PluginRunsPath">Where the credential plugin notes its runs, one line each; null without a plugin.</param>
public sealed record FakeKubeconfig(string Path, string? PluginRunsPath)
{
    /// <summary>The credential plugin's runs so far, one line each (none when it has not run).</summary>
    public IReadOnlyList<string> PluginRuns() =>
        PluginRunsPath is not null && File.Exists(PluginRunsPath) ? File.ReadAllLines(PluginRunsPath) : [];
}
