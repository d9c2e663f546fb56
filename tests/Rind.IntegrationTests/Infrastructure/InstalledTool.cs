namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// rind packed as a .NET tool by build/pack.sh into a folder feed, and installed from that feed alone
/// with <c>dotnet tool install --tool-path</c>, once for the tests that share it.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    // Packing compiles rind natively again unless build/publish.sh just did, on a machine that may be busy.
    private static readonly TimeSpan PackDeadline = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan InstallDeadline = TimeSpan.FromMinutes(3);

    // No package source but the feed that --add-source names: nothing can come from elsewhere.
    private const string IsolatedNuGetConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
          </packageSources>
        </configuration>
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rind-it-tool-");

    public string ToolPath => Path.Combine(_folder.FullName, "tools");

    /// <summary>The command as installed: a link into the tool path's package store.</summary>
    public string CommandPath => Path.Combine(ToolPath, "rind");

    public async Task InitializeAsync()
    {
        var feed = Path.Combine(_folder.FullName, "feed");
        var pack = await ProcessRunner.RunAsync(
            "/bin/bash", [Path.Combine(RindBinary.RepositoryRoot, "build", "pack.sh"), "--output", feed], timeout: PackDeadline);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"build/pack.sh failed: {pack}");
        }

        var config = Path.Combine(_folder.FullName, "nuget.config");
        await File.WriteAllTextAsync(config, IsolatedNuGetConfig);
        var install = await ProcessRunner.RunAsync(
            "dotnet",
            ["tool", "install", "rind", "--tool-path", ToolPath, "--add-source", feed, "--configfile", config],
            timeout: InstallDeadline,
            workingDirectory: _folder.FullName);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet tool install failed: {install}");
        }
    }

    public Task DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
