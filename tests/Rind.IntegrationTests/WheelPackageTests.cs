using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>
/// The Python wheel build/pack.sh makes from the published executable, as pip, pipx and the package
/// index see it. The exec through the installed command is in <see cref="WheelExecTests"/>, as it needs
/// the engine and these do not.
/// </summary>
[Trait("Category", "Packaging")]
public sealed partial class WheelPackageTests(InstalledWheel wheel) : IClassFixture<InstalledWheel>, IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan InstallDeadline = TimeSpan.FromMinutes(3);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rind-it-wheel-use-");

    [Fact]
    public void The_wheel_holds_the_executable_as_a_script_and_its_metadata_alone()
    {
        using var archive = ZipFile.OpenRead(wheel.FilePath);
        var (name, version) = NameAndVersion();

        string[] expected =
        [
            $"{name}-{version}.data/scripts/rind", $"{name}-{version}.dist-info/METADATA",
            $"{name}-{version}.dist-info/WHEEL", $"{name}-{version}.dist-info/RECORD",
        ];
        Assert.Equal(expected, archive.Entries.Select(entry => entry.FullName));
        var script = archive.GetEntry($"{name}-{version}.data/scripts/rind")!;
        Assert.Equal(File.ReadAllBytes(RindBinary.Path), Read(script));
        // The Unix mode is in the high half of the external attributes: a regular file, 0755.
        Assert.Equal(Convert.ToInt32("100755", 8), (script.ExternalAttributes >> 16) & 0xFFFF);
    }

    [Fact]
    public void The_record_names_every_other_file_with_its_sha256_and_size()
    {
        using var archive = ZipFile.OpenRead(wheel.FilePath);
        var (name, version) = NameAndVersion();
        var record = Encoding.UTF8.GetString(Read(archive.GetEntry($"{name}-{version}.dist-info/RECORD")!));

        var expected = archive.Entries
            .Where(entry => !entry.FullName.EndsWith("/RECORD", StringComparison.Ordinal))
            .Select(entry =>
            {
                var content = Read(entry);
                // urlsafe base64 without its padding, as the wheel format has it
                var hash = Convert.ToBase64String(SHA256.HashData(content)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
                return $"{entry.FullName},sha256={hash},{content.Length}";
            })
            .Append($"{name}-{version}.dist-info/RECORD,,");
        Assert.Equal(expected, record.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_wheel_is_tagged_for_any_python_3_and_the_glibc_the_executable_needs()
    {
        using var archive = ZipFile.OpenRead(wheel.FilePath);
        var (name, version) = NameAndVersion();
        var metadata = Encoding.UTF8.GetString(Read(archive.GetEntry($"{name}-{version}.dist-info/WHEEL")!));

        // The newest GLIBC_x.y symbol version the executable names; the manylinux policies start at 2.17.
        var needed = GlibcVersion().Matches(Encoding.Latin1.GetString(File.ReadAllBytes(RindBinary.Path)))
            .Select(match => new Version(
                int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)))
            .Append(new Version(2, 17))
            .Max()!;
        var architecture = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64
            ? "aarch64" : "x86_64";
        var platform = $"manylinux_{needed.Major}_{needed.Minor}_{architecture}";
        Assert.StartsWith($"{name}-{version}-py3-none-{platform}", wheel.FileName, StringComparison.Ordinal);
        Assert.Contains($"Tag: py3-none-{platform}\n", metadata, StringComparison.Ordinal);
        Assert.Contains("Root-Is-Purelib: false\n", metadata, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pip_installs_the_native_executable_as_the_rind_command_in_a_fresh_venv()
    {
        Assert.Equal(await File.ReadAllBytesAsync(RindBinary.Path), await File.ReadAllBytesAsync(wheel.CommandPath));

        var result = await ProcessRunner.RunAsync(wheel.CommandPath, ["--version"], timeout: Deadline);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("rind ", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Pip_uninstall_removes_the_command_again()
    {
        var venv = Path.Combine(_folder.FullName, "venv");
        await InstalledWheel.CreateEnvironmentAsync(venv);
        Assert.Equal(0, (await InstalledWheel.PipAsync(venv, "install", "--no-index", wheel.FilePath)).ExitCode);
        Assert.True(File.Exists(Path.Combine(venv, "bin", "rind")));

        var result = await InstalledWheel.PipAsync(venv, "uninstall", "--yes", NameAndVersion().Name);

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(venv, "bin", "rind")), result.ToString());
    }

    [Fact]
    public async Task Pipx_installs_the_rind_command_from_the_wheel_file()
    {
        var bin = Path.Combine(_folder.FullName, "bin");
        var environment = new Dictionary<string, string?>(InstalledWheel.OfflinePip)
        {
            ["PIPX_HOME"] = Path.Combine(_folder.FullName, "pipx"),
            ["PIPX_BIN_DIR"] = bin,
        };

        // Without an index pipx cannot bring its shared pip up to date: it says so and goes on.
        var install = await ProcessRunner.RunAsync("pipx", ["install", wheel.FilePath], environment: environment, timeout: InstallDeadline);

        Assert.True(install.ExitCode == 0, install.ToString());
        var result = await ProcessRunner.RunAsync(Path.Combine(bin, "rind"), ["--version"], timeout: Deadline);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("rind ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twine_finds_the_wheel_fit_for_the_package_index()
    {
        var result = await ProcessRunner.RunAsync(
            "twine", ["check", "--strict", wheel.FilePath], environment: new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, timeout: Deadline);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("PASSED", result.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>The distribution's name and version as the wheel's file name spells them (NAME-VERSION-py3-…).</summary>
    private (string Name, string Version) NameAndVersion()
    {
        var parts = wheel.FileName.Split('-');
        return (parts[0], parts[1]);
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [GeneratedRegex(@"GLIBC_(\d+)\.(\d+)(?:\.\d+)?\0")]
    private static partial Regex GlibcVersion();
}
