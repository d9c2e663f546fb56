using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// The Homebrew formula build/pack.sh makes with <c>--only brew</c> from a folder of release-like
/// archives, made once for the tests that share it: the four archives a release attaches, laid out as
/// .github/workflows/release.yml lays them out, beside the wheel and Debian package it attaches too.
/// </summary>
public sealed partial class PackedFormula : IAsyncLifetime
{
    public const string Repository = "rind-tests/rind";

    public static readonly string[] Runtimes = ["linux-x64", "linux-arm64", "osx-x64", "osx-arm64"];

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    // Nothing is compiled: the formula is made from the archives as they are.
    private static readonly TimeSpan PackDeadline = TimeSpan.FromMinutes(2);

    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("rind-it-brew-");

    /// <summary>The release's assets, as the release job downloads them.</summary>
    public string Assets => Path.Combine(Folder.FullName, "assets");

    /// <summary>The published rind's own version, so that the formula's test of it can pass.</summary>
    public string Version { get; private set; } = "";

    /// <summary>The formula, the only file pack.sh made.</summary>
    public string FilePath { get; private set; } = "";

    public string Text { get; private set; } = "";

    /// <summary>This machine's runtime, whose archive holds the published rind; the others hold placeholders.</summary>
    public static string NativeRuntime => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";

    public static string ArchiveName(string version, string runtime) => $"rind-{version}-{runtime}.tar.gz";

    public async Task InitializeAsync()
    {
        var result = await RindBinary.RunAsync(["--version"], timeout: Deadline);
        var match = VersionLine().Match(result.Stdout);
        Version = result.ExitCode == 0 && match.Success
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"rind --version did not say its version: {result}");

        Directory.CreateDirectory(Assets);
        foreach (var runtime in Runtimes)
        {
            await CreateArchiveAsync(Assets, Version, runtime);
        }

        // Also attached to a release, and none of the formula's business.
        await File.WriteAllTextAsync(Path.Combine(Assets, $"rind_cli-{Version}-py3-none-manylinux_2_34_x86_64.whl"), "");
        await File.WriteAllTextAsync(Path.Combine(Assets, $"rind_{Version}-1_amd64.deb"), "");

        var output = Path.Combine(Folder.FullName, "formula");
        var pack = await PackAsync(Assets, output, Version, Repository);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"build/pack.sh --only brew failed: {pack}");
        }

        var files = Directory.GetFiles(output);
        FilePath = files is [var file] && Path.GetFileName(file) == "rind.rb"
            ? file
            : throw new InvalidOperationException($"build/pack.sh --only brew made {string.Join(", ", files)}, not rind.rb alone");
        Text = await File.ReadAllTextAsync(FilePath);
    }

    public Task DisposeAsync()
    {
        Folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>build/pack.sh --only brew, for the release of <paramref name="version"/> (given as its tag, vVERSION).</summary>
    public static Task<ProcessResult> PackAsync(string assets, string output, string version, string repository) =>
        ProcessRunner.RunAsync(
            "/bin/bash",
            [Path.Combine(RindBinary.RepositoryRoot, "build", "pack.sh"), "--only", "brew", "--output", output],
            environment: new Dictionary<string, string?>
            {
                ["RIND_ASSETS"] = assets,
                ["RIND_VERSION"] = $"v{version}",
                ["RIND_REPOSITORY"] = repository,
            },
            timeout: PackDeadline);

    public static string Sha256Of(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    /// <summary>
    /// An archive as the release makes it: a folder rind-VERSION-RID/ of rind, README.md, CHANGELOG.md
    /// and the manual page rind.1, tarred and gzipped, and beside it its .sha256 as shasum writes it.
    /// </summary>
    private static async Task CreateArchiveAsync(string folder, string version, string runtime)
    {
        var name = $"rind-{version}-{runtime}";
        var staging = Directory.CreateTempSubdirectory("rind-it-brew-archive-");
        try
        {
            var content = Directory.CreateDirectory(Path.Combine(staging.FullName, name)).FullName;
            var binary = Path.Combine(content, "rind");
            if (runtime == NativeRuntime)
            {
                File.Copy(RindBinary.Path, binary);
            }
            else
            {
                // The other runtimes' executables cannot be built here (native AOT compiles for the
                // machine's own operating system, and a cross-compiled Linux one needs that
                // architecture's toolchain): a placeholder script takes their place, as the formula
                // only names and checks the archives, and runs none of them here.
                await File.WriteAllTextAsync(binary, $"#!/bin/sh\necho 'a placeholder for rind on {runtime}' >&2\nexit 1\n");
            }

            File.SetUnixFileMode(binary, (UnixFileMode)Convert.ToInt32("755", 8));
            File.Copy(Path.Combine(RindBinary.RepositoryRoot, "README.md"), Path.Combine(content, "README.md"));
            File.Copy(Path.Combine(RindBinary.RepositoryRoot, "CHANGELOG.md"), Path.Combine(content, "CHANGELOG.md"));
            File.Copy(Path.Combine(RindBinary.RepositoryRoot, "docs", "rind.1"), Path.Combine(content, "rind.1"));

            var archive = Path.Combine(folder, ArchiveName(version, runtime));
            var tar = await ProcessRunner.RunAsync("tar", ["-czf", archive, name], workingDirectory: staging.FullName, timeout: Deadline);
            if (tar.ExitCode != 0)
            {
                throw new InvalidOperationException($"tar -czf {archive} failed: {tar}");
            }

            await File.WriteAllTextAsync(archive + ".sha256", $"{Sha256Of(archive)}  {Path.GetFileName(archive)}\n");
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"^rind (\S+)")]
    private static partial Regex VersionLine();
}
