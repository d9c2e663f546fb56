namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// A test that installs a package into this machine's own system with dpkg, and removes it again: it
/// needs root (the tests run as root in CI), and is skipped, saying why, without it or where a rind is
/// installed already, which the test would replace and then remove.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SystemInstallFactAttribute : FactAttribute
{
    public SystemInstallFactAttribute() => Skip = SkipReason();

    private static string? SkipReason()
    {
        if (!IsRoot())
        {
            return "dpkg installs into the system only as root (build/test.sh runs as root in CI)";
        }

        if (File.Exists("/usr/bin/rind") || File.Exists("/var/lib/dpkg/info/rind.list"))
        {
            return "a rind is installed on this machine already (/usr/bin/rind or the package rind): the test would replace it";
        }

        return null;
    }

    /// <summary>The effective user id, from the second number of /proc/self/status's Uid line, is 0.</summary>
    private static bool IsRoot()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(entry => entry.StartsWith("Uid:", StringComparison.Ordinal));
        var ids = line?.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        return ids is [_, _, "0", ..];
    }
}
