using System.IO.Compression;
using System.Text;
using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>
/// The arm64 wheel and Debian package, made by build/pack.sh from rind cross-compiled for linux-arm64,
/// as the release makes them on an arm64 machine: their tags and fields come from that executable, not
/// from this machine, and what they install runs (under qemu).
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Packaging")]
public sealed class Arm64PackageTests(PackedArm64Wheel wheel, PackedArm64DebianPackage package)
    : IClassFixture<PackedArm64Wheel>, IClassFixture<PackedArm64DebianPackage>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Arm64Fact]
    public async Task The_arm64_wheel_is_tagged_manylinux_aarch64_holds_the_arm64_executable_and_passes_twine()
    {
        using var archive = ZipFile.OpenRead(wheel.FilePath);
        var parts = wheel.FileName.Split('-');
        var metadata = Read(archive.GetEntry($"{parts[0]}-{parts[1]}.dist-info/WHEEL")!);
        var check = await ProcessRunner.RunAsync("/usr/bin/python3", ["-m", "twine", "check", "--strict", wheel.FilePath], timeout: Deadline);

        Assert.Matches(@"-py3-none-manylinux_2_\d+_aarch64\.whl$", wheel.FileName);
        Assert.Matches(@"\nTag: py3-none-manylinux_2_\d+_aarch64\n", metadata);
        Assert.Equal(await File.ReadAllBytesAsync(Arm64Binary.Path!), ReadBytes(archive.GetEntry($"{parts[0]}-{parts[1]}.data/scripts/rind")!));
        Assert.True(check.ExitCode == 0, check.ToString());
    }

    [Arm64Fact]
    public async Task The_arm64_Debian_package_is_for_arm64_and_lintian_finds_no_error_in_it()
    {
        var architecture = await RunAsync("dpkg-deb", "--field", package.FilePath, "Architecture");
        var depends = await RunAsync("dpkg-deb", "--field", package.FilePath, "Depends");
        var lintian = await RunAsync("lintian", "--fail-on", "error", package.FilePath);

        Assert.EndsWith("_arm64.deb", package.FileName, StringComparison.Ordinal);
        Assert.Equal("arm64\n", architecture.Stdout);
        Assert.Matches(@"^libc6 \(>= 2\.\d+\)\n$", depends.Stdout);
        Assert.True(lintian.ExitCode == 0, lintian.ToString());
    }

    [Arm64Fact]
    public async Task The_rind_the_arm64_package_installs_runs_a_command_in_the_labelled_container()
    {
        var root = Directory.CreateTempSubdirectory("rind-it-arm64-deb-");
        try
        {
            var extract = await RunAsync("dpkg-deb", "--extract", package.FilePath, root.FullName);
            Assert.True(extract.ExitCode == 0, extract.ToString());
            await using var container = await LabelledContainer.StartAsync();

            var result = await Arm64Binary.RunAsync(
                ["-c", container.Name, "sh", "-c", "echo $((6 * 7)); exit 3"], executable: Path.Combine(root.FullName, "usr", "bin", "rind"));

            Assert.Equal(("42\n", "", 3), (result.Stdout, result.Stderr, result.ExitCode));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static Task<ProcessResult> RunAsync(string command, params string[] arguments) =>
        ProcessRunner.RunAsync(command, arguments, timeout: Deadline);

    private static string Read(ZipArchiveEntry entry) => Encoding.UTF8.GetString(ReadBytes(entry));

    private static byte[] ReadBytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
