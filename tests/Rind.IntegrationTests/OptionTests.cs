using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

public sealed class OptionTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_is_printed_to_stdout(string option)
    {
        var result = await RindBinary.RunAsync([option]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Usage: rind [OPTIONS] [--] [COMMAND [ARG...]]\n", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Version_names_the_version_and_commit()
    {
        var result = await RindBinary.RunAsync(["--version"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^rind \d+\.\d+\.\d+\S* \(commit [0-9a-f]{7,12}\)\n$", result.Stdout);
    }

    [Fact]
    public async Task An_unknown_option_is_one_line_on_stderr_with_exit_code_125()
    {
        var result = await RindBinary.RunAsync(["--bogus", "ls"]);

        Assert.Equal(125, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("rind: unknown option '--bogus' (see 'rind --help')\n", result.Stderr);
    }
}
