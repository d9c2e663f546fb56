namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// One package build/pack.sh makes from the published native rind (RIND_BINARY, or artifacts/rind) with
/// <c>--only PART</c>, in a folder of its own, once for the tests that share it.
/// </summary>
/// <param name="binary">The executable to pack, when not the tested one; none (no package made) when null.</param>
public abstract class PackedPackage(string part, string extension, Func<string?>? binary = null) : IAsyncLifetime
{
    // Nothing is compiled: the package is made from the executable as it is.
    private static readonly TimeSpan PackDeadline = TimeSpan.FromMinutes(2);

    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory($"rind-it-{part}-");

    /// <summary>The package's file, the only one pack.sh made.</summary>
    public string FilePath { get; private set; } = "";

    public string FileName => Path.GetFileName(FilePath);

    public virtual async Task InitializeAsync()
    {
        var executable = binary is null ? RindBinary.Path : binary();
        if (executable is null)
        {
            return;
        }

        var output = Path.Combine(Folder.FullName, "packages");
        var pack = await ProcessRunner.RunAsync(
            "/bin/bash",
            [Path.Combine(RindBinary.RepositoryRoot, "build", "pack.sh"), "--only", part, "--output", output],
            // The tested executable, and the packages' own defaults rather than a release's settings.
            environment: new Dictionary<string, string?>
            {
                ["RIND_BINARY"] = executable,
                ["RIND_DEB_MAINTAINER"] = null,
                ["RIND_HOMEPAGE"] = null,
            },
            timeout: PackDeadline);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"build/pack.sh --only {part} failed: {pack}");
        }

        var files = Directory.GetFiles(output);
        FilePath = files is [var file] && file.EndsWith(extension, StringComparison.Ordinal)
            ? file
            : throw new InvalidOperationException($"build/pack.sh --only {part} made {string.Join(", ", files)}, not one {extension} file");
    }

    public virtual Task DisposeAsync()
    {
        Folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The Debian package, <c>rind_VERSION-1_ARCH.deb</c>.</summary>
public sealed class PackedDebianPackage() : PackedPackage("deb", ".deb");

/// <summary>The Debian package of the arm64 executable, when the run made one.</summary>
public sealed class PackedArm64DebianPackage() : PackedPackage("deb", ".deb", () => Arm64Binary.Path);

/// <summary>The wheel of the arm64 executable, when the run made one.</summary>
public sealed class PackedArm64Wheel() : PackedPackage("wheel", ".whl", () => Arm64Binary.Path);
