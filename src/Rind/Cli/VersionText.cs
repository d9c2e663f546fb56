namespace Rind.Cli;

/// <summary>
/// The text of <c>rind --version</c>: the version and the commit it was built from.
/// </summary>
internal static class VersionText
{
    public static string Create() => Format(BuildVersion.Informational);

    /// <summary>Turns "1.2.3+0123456789abcdef" into "rind 1.2.3 (commit 0123456789ab)".</summary>
    public static string Format(string informationalVersion)
    {
        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            return $"rind {informationalVersion}\n";
        }

        var version = informationalVersion[..plus];
        var commit = informationalVersion[(plus + 1)..];
        return $"rind {version} (commit {commit[..Math.Min(12, commit.Length)]})\n";
    }
}
