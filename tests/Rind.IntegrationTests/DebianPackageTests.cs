using Rind.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Rind.IntegrationTests;

/// <summary>
/// The Debian package build/pack.sh makes from the published executable: what it holds, what lintian
/// says of it, and dpkg installing and removing it.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class DebianPackageTests(PackedDebianPackage package, ITestOutputHelper output) : IClassFixture<PackedDebianPackage>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DpkgDeadline = TimeSpan.FromMinutes(2);

    private static string Architecture =>
        System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "amd64";

    private static bool HasManPage => File.Exists(Path.Combine(RindBinary.RepositoryRoot, "docs", "rind.1"));

    [Fact]
    public async Task The_package_is_named_for_its_version_and_architecture_and_described_as_policy_asks()
    {
        var version = await FieldAsync("Version");

        Assert.Equal($"rind_{version.Replace(":", "%3a", StringComparison.Ordinal)}_{Architecture}.deb", package.FileName);
        // Made from the released executable: the revision is the packaging's, 1.
        Assert.EndsWith("-1", version, StringComparison.Ordinal);
        Assert.Equal("rind", await FieldAsync("Package"));
        Assert.Equal(Architecture, await FieldAsync("Architecture"));
        Assert.Equal("utils", await FieldAsync("Section"));
        Assert.Equal("optional", await FieldAsync("Priority"));
        Assert.StartsWith("rind contributors <", await FieldAsync("Maintainer"), StringComparison.Ordinal);
        Assert.Matches(@"^libc6 \(>= 2\.[0-9]+\)$", await FieldAsync("Depends"));
        Assert.StartsWith("run a command in the Docker container labelled app.rind\n ", await FieldAsync("Description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_package_holds_rind_in_usr_bin_its_documentation_and_nothing_else()
    {
        var listing = await RunAsync("dpkg-deb", "--contents", package.FilePath);

        // Each line: mode owner/group size date time path.
        var files = listing.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => !fields[0].StartsWith('d'))
            .ToDictionary(fields => fields[5], fields => $"{fields[0]} {fields[1]}");
        var expected = new Dictionary<string, string>
        {
            ["./usr/bin/rind"] = "-rwxr-xr-x root/root",
            ["./usr/share/doc/rind/copyright"] = "-rw-r--r-- root/root",
            ["./usr/share/doc/rind/changelog.Debian.gz"] = "-rw-r--r-- root/root",
            ["./usr/share/doc/rind/changelog.gz"] = "-rw-r--r-- root/root",
            ["./usr/share/lintian/overrides/rind"] = "-rw-r--r-- root/root",
            ["./usr/share/bash-completion/completions/rind"] = "-rw-r--r-- root/root",
            ["./usr/share/zsh/vendor-completions/_rind"] = "-rw-r--r-- root/root",
            ["./usr/share/fish/vendor_completions.d/rind.fish"] = "-rw-r--r-- root/root",
        };
        if (HasManPage)
        {
            expected["./usr/share/man/man1/rind.1.gz"] = "-rw-r--r-- root/root";
        }

        Assert.Equal(expected.OrderBy(file => file.Key), files.OrderBy(file => file.Key));
    }

    [Fact]
    public async Task Lintian_finds_no_error_in_the_package()
    {
        // The package overrides one error, zlib inside the .NET runtime that native AOT links in (see
        // build/lib/make_deb.sh); lintian --show-overrides lists it. The warnings it gives, all accepted:
        //   hardening-no-pie               rind is linked at a fixed address on purpose, for its start-up
        //                                  time (PositionIndependentExecutable in src/Rind/Rind.csproj)
        //   initial-upload-closes-no-bugs  the package is not uploaded to Debian, so no bug asks for it
        //   no-manual-page                 only until docs/rind.1 exists, which build/pack.sh then packs
        // Lintian also says that it runs as root, which the tests do in CI.
        var result = await RunAsync("lintian", "--fail-on", "error", package.FilePath);

        output.WriteLine(result.Stdout);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(result.Stdout.Split('\n'), line => line.StartsWith("E: ", StringComparison.Ordinal));
    }

    [SystemInstallFact]
    public async Task Dpkg_installs_rind_and_completion_that_works_in_a_fresh_shell_and_removing_the_package_leaves_none_of_its_files()
    {
        var installed = false;
        try
        {
            var install = await RunAsync("dpkg", "--install", package.FilePath);
            installed = true;
            Assert.True(install.ExitCode == 0, install.ToString());

            var version = await ProcessRunner.RunAsync("/usr/bin/rind", ["--version"], timeout: Deadline);
            Assert.Equal(0, version.ExitCode);
            Assert.StartsWith("rind ", version.Stdout, StringComparison.Ordinal);
            Assert.Equal(await File.ReadAllBytesAsync(RindBinary.Path), await File.ReadAllBytesAsync("/usr/bin/rind"));

            foreach (var shell in InteractiveShell.Names)
            {
                await AssertCompletesFromInstalledFilesAsync(shell);
            }

            var listed = await RunAsync("dpkg", "--listfiles", "rind");
            var files = listed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(File.Exists).ToList();
            Assert.Contains("/usr/bin/rind", files);

            var remove = await RunAsync("dpkg", "--remove", "rind");
            Assert.True(remove.ExitCode == 0, remove.ToString());
            installed = false;

            Assert.DoesNotContain(files, File.Exists);
            Assert.False(Directory.Exists("/usr/share/doc/rind"));
            // Without configuration files to keep, removing leaves no trace of the package in dpkg's records.
            var status = await RunAsync("dpkg-query", "--show", "--showformat=${Status}", "rind");
            Assert.True(status.ExitCode != 0 || status.Stdout.EndsWith(" not-installed", StringComparison.Ordinal), status.ToString());
        }
        finally
        {
            if (installed)
            {
                await RunAsync("dpkg", "--purge", "rind");
            }
        }
    }

    /// <summary>A fresh shell, loading only what the distribution loads, completes rind's options from the package's files.</summary>
    private static async Task AssertCompletesFromInstalledFilesAsync(string shell)
    {
        var folder = Directory.CreateTempSubdirectory("rind-it-deb-shell-");
        try
        {
            await using var terminal = await InteractiveShell.AsInstalled(shell).StartAsync(folder.FullName, folder.FullName, path: "/usr/bin:/bin");

            await terminal.SendTextAsync("rind --ser");
            await terminal.SendKeysAsync("Tab");

            await terminal.WaitForScreenAsync("rind --service", TimeSpan.FromSeconds(20));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<string> FieldAsync(string name)
    {
        var result = await RunAsync("dpkg-deb", "--field", package.FilePath, name);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.TrimEnd('\n');
    }

    private static Task<ProcessResult> RunAsync(string command, params string[] arguments) =>
        ProcessRunner.RunAsync(command, arguments, timeout: DpkgDeadline);
}
