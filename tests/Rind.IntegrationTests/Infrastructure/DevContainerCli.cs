namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// The dev container CLI (npm's @devcontainers/cli, the <c>devcontainer</c> command that build/prerequisites.sh
/// installs), run as an editor runs it, against the tests' engine through the docker and docker-compose
/// commands.
/// </summary>
public static class DevContainerCli
{
    public const string Command = "devcontainer";

    /// <summary>Where <see cref="Command"/> is on PATH; null when it is not there.</summary>
    public static string? Path { get; } = Locate();

    /// <summary>Why the tests that need the CLI are skipped; null when it is installed.</summary>
    public static string? SkipReason =>
        Path is null ? $"{Command} is not on PATH: build/prerequisites.sh installs it (npm install -g @devcontainers/cli)" : null;

    /// <summary>
    /// Runs <c>devcontainer SUBCOMMAND --workspace-folder FOLDER</c> with <paramref name="arguments"/> after the
    /// options, from that folder, with the engine's address in DOCKER_HOST and <paramref name="environment"/>.
    /// </summary>
    public static Task<ProcessResult> RunAsync(
        string subcommand,
        string workspaceFolder,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var path = Path ?? throw new InvalidOperationException(SkipReason);
        string[] options =
        [
            subcommand, "--workspace-folder", workspaceFolder,
            "--docker-path", "docker", "--docker-compose-path", "docker-compose",
        ];
        return ProcessRunner.RunAsync(
            path, [.. options, .. arguments], environment: Environment(environment), timeout: timeout, workingDirectory: workspaceFolder);
    }

    // The docker command it runs reaches the engine the tests' own calls reach: when that is RIND_FIXTURE_HOST
    // (a Unix socket), the TLS settings meant for DOCKER_HOST must not come along.
    private static Dictionary<string, string?> Environment(IReadOnlyDictionary<string, string?>? extra)
    {
        var environment = new Dictionary<string, string?> { ["DOCKER_HOST"] = TestEngine.Address };
        if (!string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(TestEngine.HostVariable)))
        {
            environment["DOCKER_TLS_VERIFY"] = null;
            environment["DOCKER_TLS"] = null;
            environment["DOCKER_CERT_PATH"] = null;
        }

        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return environment;
    }

    private static string? Locate() =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, Command))
            .FirstOrDefault(File.Exists);
}
