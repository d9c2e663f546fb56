namespace Rind.IntegrationTests.Infrastructure;

/// <summary>What rind's own messages on stderr look like.</summary>
public static class RindStderr
{
    /// <summary>Asserts that <paramref name="stderr"/> is one line of rind's, ended by a newline.</summary>
    public static void AssertOneLine(string stderr)
    {
        Assert.StartsWith("rind: ", stderr, StringComparison.Ordinal);
        Assert.EndsWith("\n", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }
}
