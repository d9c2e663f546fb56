namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// The wheel build/pack.sh makes, installed with pip from the file alone (<c>--no-index</c>) into a
/// fresh virtual environment, once for the tests that share it.
/// </summary>
public sealed class InstalledWheel() : PackedPackage("wheel", ".whl")
{
    private static readonly TimeSpan InstallDeadline = TimeSpan.FromMinutes(3);

    /// <summary>
    /// No package index and no word from pip about its own version, so that nothing comes from elsewhere,
    /// and no cache in the home folder, so that nothing is left there.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> OfflinePip = new Dictionary<string, string?>
    {
        ["PIP_NO_INDEX"] = "1",
        ["PIP_DISABLE_PIP_VERSION_CHECK"] = "1",
        ["PIP_NO_CACHE_DIR"] = "1",
    };

    public string VenvPath => Path.Combine(Folder.FullName, "venv");

    /// <summary>The command as pip installed it, in the environment's bin folder.</summary>
    public string CommandPath => Path.Combine(VenvPath, "bin", "rind");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateEnvironmentAsync(VenvPath);
        var install = await PipAsync(VenvPath, "install", "--no-index", FilePath);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"pip install {FileName} failed: {install}");
        }
    }

    public static async Task CreateEnvironmentAsync(string folder)
    {
        var venv = await ProcessRunner.RunAsync("python3", ["-m", "venv", folder], timeout: InstallDeadline);
        if (venv.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 -m venv failed: {venv}");
        }
    }

    public static Task<ProcessResult> PipAsync(string environment, params string[] arguments) =>
        ProcessRunner.RunAsync(Path.Combine(environment, "bin", "pip"), arguments, environment: OfflinePip, timeout: InstallDeadline);
}
