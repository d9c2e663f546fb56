using System.Text;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// A compose project in a folder of the test's own, run by Debian's docker-compose (compose 1.x, which
/// labels containers as compose 2 does) against the tests' engine, and taken down again. Beside the
/// project's compose file lies the override docker-compose reads with it, which adapts the project to the
/// tests' engine: no network, the label the tests' leftovers are removed by, and the run options the
/// engine needs.
/// </summary>
public sealed class ComposeProject : IAsyncDisposable
{
    private static readonly TimeSpan ComposeTimeout = TimeSpan.FromSeconds(120);

    private readonly DirectoryInfo _folder;

    private ComposeProject(DirectoryInfo folder, string name)
    {
        _folder = folder;
        Name = name;
    }

    public string Folder => _folder.FullName;

    /// <summary>The project name, given with -p, as a folder's name could hold characters compose drops.</summary>
    public string Name { get; }

    /// <summary>Writes the compose file and its override for <paramref name="service"/> in <paramref name="image"/>, and runs <c>up -d</c>.</summary>
    public static async Task<ComposeProject> UpAsync(string composeFile, string service, string image)
    {
        var project = new ComposeProject(Directory.CreateTempSubdirectory("rind-it-compose-"), "rind-it-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(project.Folder, "docker-compose.yml"), composeFile);
            await File.WriteAllTextAsync(Path.Combine(project.Folder, "docker-compose.override.yml"), Override(service, image));
            await project.ComposeAsync("up", "-d", "--no-build");
            return project;
        }
        catch
        {
            await project.DisposeAsync();
            throw;
        }
    }

    public async Task ComposeAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(
            "docker-compose", ["-p", Name, .. arguments], workingDirectory: Folder, timeout: ComposeTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker-compose {string.Join(' ', arguments)} failed: {result.Stderr.Trim()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ComposeAsync("down", "--timeout", "0");
        }
        finally
        {
            _folder.Delete(recursive: true);
        }
    }

    private static string Override(string service, string image)
    {
        var text = new StringBuilder(
            $"""
            services:
              {service}:
                image: {image}
                network_mode: none
                labels: [{TestEngine.TestLabel}]

            """);
        text.Append(TestRunOptions.ComposeUlimits());
        return text.ToString();
    }
}
