using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>
/// build/install.sh into a prefix of the test's own, installing the published artifacts/rind as it is
/// (RIND_SKIP_BUILD=1) rather than building it again, and the manual page docs/rind.1.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class InstallScriptTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rind-it-install-");

    private static string Published => Path.Combine(RindBinary.RepositoryRoot, "artifacts", "rind");

    private static string Page => Path.Combine(RindBinary.RepositoryRoot, "docs", "rind.1");

    private static string PageIn(string prefix) => Path.Combine(prefix, "share", "man", "man1", "rind.1");

    /// <summary>Where each shell looks for a package's completion under a prefix's share folder.</summary>
    private static IReadOnlyList<string> CompletionsIn(string prefix) =>
    [
        Path.Combine(prefix, "share", "bash-completion", "completions", "rind"),
        Path.Combine(prefix, "share", "zsh", "site-functions", "_rind"),
        Path.Combine(prefix, "share", "fish", "vendor_completions.d", "rind.fish"),
    ];

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
    public async Task Installing_with_a_prefix_puts_the_manual_page_in_its_share_man_man1_folder()
    {
        var prefix = Path.Combine(_folder.FullName, "usr");

        var result = await InstallScriptAsync("--prefix", prefix);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"\ninstalled {PageIn(prefix)}\n", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(Page), await File.ReadAllBytesAsync(PageIn(prefix)));
        var mode = File.GetUnixFileMode(PageIn(prefix));
        Assert.Equal(UnixFileMode.OtherRead, mode & UnixFileMode.OtherRead);
        Assert.Equal(UnixFileMode.None, mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute));
    }

    [Fact]
    public async Task Installing_puts_each_shells_completion_where_that_shell_looks_under_the_prefix()
    {
        var prefix = Path.Combine(_folder.FullName, "usr");

        var result = await InstallScriptAsync("--prefix", prefix);

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var (shell, file) in InteractiveShell.Names.Zip(CompletionsIn(prefix)))
        {
            var script = await RindBinary.RunAsync(["--completion", shell]);
            Assert.Equal(script.Stdout, await File.ReadAllTextAsync(file));
            Assert.Contains($"installed {file}\n", result.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    public async Task Installed_in_the_home_folder_completion_works_in_a_fresh_shell(string shell)
    {
        var home = _folder.FullName;
        Assert.Equal(0, (await InstallScriptAsync([], new Dictionary<string, string?> { ["HOME"] = home, ["PREFIX"] = null })).ExitCode);
        var local = Path.Combine(home, ".local");
        var installed = InteractiveShell.AsInstalled(shell);
        if (shell == "zsh")
        {
            // zsh has no folder of the home in its fpath: the user adds it, as the script's header says.
            installed = installed with { Setup = [$"fpath=({Path.Combine(local, "share", "zsh", "site-functions")} $fpath)", .. installed.Setup] };
        }

        await using var terminal = await installed.StartAsync(home, home, path: $"{Path.Combine(local, "bin")}:/usr/bin:/bin");
        await terminal.SendTextAsync("rind --ser");
        await terminal.SendKeysAsync("Tab");

        await terminal.WaitForScreenAsync("rind --service", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Installing_without_a_prefix_puts_rind_in_dot_local_bin_of_the_home_folder()
    {
        var result = await InstallScriptAsync([], new() { ["HOME"] = _folder.FullName, ["PREFIX"] = null });

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, ".local", "bin", "rind")), result.ToString());
        Assert.True(File.Exists(PageIn(Path.Combine(_folder.FullName, ".local"))), result.ToString());
    }

    [Fact]
    public async Task Uninstalling_removes_what_installing_put_there_and_says_so()
    {
        var prefix = Path.Combine(_folder.FullName, "usr");
        Assert.Equal(0, (await InstallScriptAsync("--prefix", prefix)).ExitCode);

        var result = await InstallScriptAsync("--uninstall", "--prefix", prefix);

        Assert.Equal(0, result.ExitCode);
        var installed = Path.Combine(prefix, "bin", "rind");
        string[] files = [installed, PageIn(prefix), .. CompletionsIn(prefix)];
        Assert.Equal(string.Concat(files.Select(file => $"removed {file}\n")), result.Stdout);
        Assert.DoesNotContain(files, File.Exists);
    }

    [Fact]
    public async Task Uninstalling_an_install_without_the_manual_page_or_completions_removes_rind_alone()
    {
        var prefix = Path.Combine(_folder.FullName, "usr");
        Assert.Equal(0, (await InstallScriptAsync("--prefix", prefix)).ExitCode);
        foreach (var file in CompletionsIn(prefix).Append(PageIn(prefix)))
        {
            File.Delete(file);
        }

        var result = await InstallScriptAsync("--uninstall", "--prefix", prefix);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"removed {Path.Combine(prefix, "bin", "rind")}\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Uninstalling_leaves_a_folder_in_the_place_of_the_manual_page_alone_and_fails_before_removing_anything()
    {
        var prefix = Path.Combine(_folder.FullName, "usr");
        Assert.Equal(0, (await InstallScriptAsync("--prefix", prefix)).ExitCode);
        File.Delete(PageIn(prefix));
        Directory.CreateDirectory(PageIn(prefix));

        var result = await InstallScriptAsync("--uninstall", "--prefix", prefix);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"install: {PageIn(prefix)} is a folder, not a file of rind's; left alone\n", result.Stderr);
        Assert.True(File.Exists(Path.Combine(prefix, "bin", "rind")));
        Assert.True(Directory.Exists(PageIn(prefix)));
    }

    [Fact]
    public async Task Uninstalling_when_nothing_is_installed_says_so_and_succeeds()
    {
        var result = await InstallScriptAsync("--uninstall", "--prefix", _folder.FullName);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            $"nothing to remove: neither {Path.Combine(_folder.FullName, "bin", "rind")} nor its manual page or completions under {Path.Combine(_folder.FullName, "share")} exist\n",
            result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task An_unknown_argument_is_refused_with_exit_code_2_and_installs_nothing()
    {
        var result = await InstallScriptAsync("--prefix", _folder.FullName, "--everywhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("install: unknown argument '--everywhere' (see --help)\n", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_folder.FullName, "bin")));
        Assert.False(Directory.Exists(Path.Combine(_folder.FullName, "share")));
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
