namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// The published native rind: RIND_BINARY, or artifacts/rind in the repository.
/// </summary>
public static class RindBinary
{
    public static string Path { get; } = Locate();

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments,
        byte[]? stdin = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        bool holdStdinOpen = false,
        string? workingDirectory = null) =>
        ProcessRunner.RunAsync(Path, arguments, stdin, environment, timeout, holdStdinOpen: holdStdinOpen, workingDirectory: workingDirectory);

    /// <summary>Runs rind under /usr/bin/time: its result, and its peak resident memory in KiB.</summary>
    public static async Task<(ProcessResult Result, long PeakKiB)> RunMeasuredAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, TimeSpan? timeout = null)
    {
        var report = System.IO.Path.GetTempFileName();
        try
        {
            var result = await ProcessRunner.RunAsync(
                "/usr/bin/time", ["-f", "%M", "-o", report, Path, .. arguments], environment: environment, timeout: timeout);
            var peak = (await File.ReadAllLinesAsync(report)).Last(line => line.Length > 0);
            return (result, long.Parse(peak, System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>Runs a bash script in which $RIND is the binary, for pipes and redirections.</summary>
    public static Task<ProcessResult> RunInShellAsync(string script, TimeSpan? timeout = null) =>
        ProcessRunner.RunAsync(
            "/bin/bash",
            ["-c", script],
            environment: new Dictionary<string, string?> { ["RIND"] = Path },
            timeout: timeout);

    private static string Locate()
    {
        var path = Environment.GetEnvironmentVariable("RIND_BINARY");
        path = string.IsNullOrEmpty(path) ? System.IO.Path.Combine(FindRepositoryRoot(), "artifacts", "rind") : path;
        return File.Exists(path)
            ? System.IO.Path.GetFullPath(path)
            : throw new InvalidOperationException($"no rind binary at {path}: run build/publish.sh first, or set RIND_BINARY");
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "rind.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the tests do not run from inside the rind repository");
    }
}
