using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>
/// build/install.sh into a prefix of the test's own, installing the published artifacts/rind as it is
/// (RIND_SKIP_BUILD=1) rather than building it again.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class InstallScriptTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rind-it-install-");

    private static string Published => Path.Combine(RindBinary.RepositoryRoot, "artifacts", "rind");

    [Fact]
    public async Task Installing_with_a_prefix_puts_rind_in_its_bin_folder()
    {
        var prefix = Path.Combine(_folder.FullName, "usr");

        var result = await InstallScriptAsync("--prefix", prefix);

        Assert.Equal(0, result.ExitCode);
        var installed = Path.Combine(prefix, "bin", "rind");
        Assert.StartsWith($"installed {installed}: rind ", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(Published), await File.ReadAllBytesAsync(installed));
        Assert.Equal(UnixFileMode.OtherExecute, File.GetUnixFileMode(installed) & UnixFileMode.OtherExecute);
        var version = await ProcessRunner.RunAsync(installed, ["--version"], timeout: Deadline);
        Assert.Equal(0, version.ExitCode);
    }

    [Fact]
    public async Task Installing_without_a_prefix_puts_rind_in_dot_local_bin_of_the_home_folder()
    {
        var result = await InstallScriptAsync([], new() { ["HOME"] = _folder.FullName, ["PREFIX"] = null });

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, ".local", "bin", "rind")), result.ToString());
    }

    [Fact]
    public async Task Uninstalling_removes_what_installing_put_there_and_says_so()
    {
        var prefix = Path.Combine(_folder.FullName, "usr");
        Assert.Equal(0, (await InstallScriptAsync("--prefix", prefix)).ExitCode);

        var result = await InstallScriptAsync("--uninstall", "--prefix", prefix);

        Assert.Equal(0, result.ExitCode);
        var installed = Path.Combine(prefix, "bin", "rind");
        Assert.Equal($"removed {installed}\n", result.Stdout);
        Assert.False(File.Exists(installed));
    }

    [Fact]
    public async Task Uninstalling_when_nothing_is_installed_says_so_and_succeeds()
    {
        var result = await InstallScriptAsync("--uninstall", "--prefix", _folder.FullName);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"nothing to remove: {Path.Combine(_folder.FullName, "bin", "rind")} does not exist\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task An_unknown_argument_is_refused_with_exit_code_2_and_installs_nothing()
    {
        var result = await InstallScriptAsync("--prefix", _folder.FullName, "--everywhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("install: unknown argument '--everywhere' (see --help)\n", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_folder.FullName, "bin")));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static Task<ProcessResult> InstallScriptAsync(params string[] arguments) => InstallScriptAsync(arguments, []);

    private static Task<ProcessResult> InstallScriptAsync(string[] arguments, Dictionary<string, string?> environment)
    {
        environment["RIND_SKIP_BUILD"] = "1";
        return ProcessRunner.RunAsync(
            "/bin/bash",
            [Path.Combine(RindBinary.RepositoryRoot, "build", "install.sh"), .. arguments],
            environment: environment,
            timeout: Deadline);
    }
}
