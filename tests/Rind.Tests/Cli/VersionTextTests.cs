using Rind.Cli;

namespace Rind.Tests.Cli;

public sealed class VersionTextTests
{
    [Fact]
    public void The_commit_is_shortened_to_twelve_characters()
    {
        Assert.Equal("rind 1.2.3 (commit 0123456789ab)\n", VersionText.Format("1.2.3+0123456789abcdef0123"));
    }

    [Fact]
    public void A_version_without_a_commit_is_printed_alone()
    {
        Assert.Equal("rind 1.2.3\n", VersionText.Format("1.2.3"));
    }

    [Fact]
    public void The_running_assembly_has_a_version()
    {
        Assert.StartsWith("rind ", VersionText.Create(), StringComparison.Ordinal);
    }
}
