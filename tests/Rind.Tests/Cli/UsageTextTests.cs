using Rind.Cli;

namespace Rind.Tests.Cli;

public sealed class UsageTextTests
{
    private static readonly string[] Lines = UsageText.Text.Split('\n');

    [Theory]
    [InlineData("  -H, --host ADDRESS ")]
    [InlineData("      --context NAME ")]
    [InlineData("  -s, --service NAME ")]
    [InlineData("  -c, --container ID ")]
    [InlineData("  -n, --namespace NS ")]
    [InlineData("      --kube ")]
    [InlineData("      --kube-context NAME")]
    [InlineData("  RIND_KUBE ")]
    [InlineData("  KUBECONFIG ")]
    public void The_help_describes_each_option_and_variable_of_both_modes(string start)
    {
        Assert.Contains(Lines, line => line.StartsWith(start, StringComparison.Ordinal));
    }

    [Fact]
    public void The_help_says_what_the_container_option_picks_with_kube()
    {
        Assert.Contains("with --kube,\n                      in this pod (its name or the start of it)", UsageText.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_help_fits_a_terminal_of_80_columns()
    {
        Assert.All(Lines, line => Assert.True(line.Length <= 80, line));
    }
}
