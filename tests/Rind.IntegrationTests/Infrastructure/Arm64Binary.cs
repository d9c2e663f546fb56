namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// rind cross-compiled for linux-arm64 from the same source (RIND_ARM64_BINARY, which build/test.sh
/// sets after publishing it), run here by qemu's user-mode emulator with Debian's arm64 C library.
/// </summary>
public static class Arm64Binary
{
    public const string Emulator = "/usr/bin/qemu-aarch64-static";

    /// <summary>Where Debian's cross toolchain keeps the arm64 C library and loader.</summary>
    public const string Libraries = "/usr/aarch64-linux-gnu";

    /// <summary>The executable; null when the run made none.</summary>
    public static string? Path =>
        Environment.GetEnvironmentVariable("RIND_ARM64_BINARY") is { Length: > 0 } path ? System.IO.Path.GetFullPath(path) : null;

    /// <summary>Why the tests of the arm64 executable cannot run here; null when they can.</summary>
    public static string? Unavailable =>
        Path is null ? "RIND_ARM64_BINARY is not set: build/test.sh sets it once it has cross-compiled rind for linux-arm64"
        : !File.Exists(Emulator) ? $"{Emulator} is missing: build/prerequisites.sh installs qemu-user-static"
        : null;

    /// <summary>Runs <paramref name="executable"/> (by default this one) under the emulator.</summary>
    public static Task<ProcessResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? executable = null) =>
        ProcessRunner.RunAsync(Emulator, ["-L", Libraries, executable ?? Path!, .. arguments], environment: environment, timeout: TimeSpan.FromSeconds(60));
}
