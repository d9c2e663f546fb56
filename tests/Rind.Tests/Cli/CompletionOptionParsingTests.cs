using Rind.Cli;

namespace Rind.Tests.Cli;

/// <summary>--completion SHELL: the script to print, read as the other options are.</summary>
public sealed class CompletionOptionParsingTests
{
    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    public void Completion_with_a_shell_asks_for_its_script(string shell)
    {
        var invocation = InvocationParser.Parse(["--completion", shell]);

        Assert.Equal(InvocationAction.ShowCompletion, invocation.Action);
        Assert.Equal(shell, invocation.CompletionShell);
    }

    [Fact]
    public void The_shell_may_follow_an_equals_sign()
    {
        var invocation = InvocationParser.Parse(["--completion=fish"]);

        Assert.Equal(InvocationAction.ShowCompletion, invocation.Action);
        Assert.Equal("fish", invocation.CompletionShell);
    }

    [Theory]
    [InlineData("tcsh")]
    [InlineData("Bash")]
    [InlineData("")]
    public void A_shell_without_a_script_is_a_one_line_error_naming_those_with_one(string shell)
    {
        var exception = Assert.Throws<RindException>(() => InvocationParser.Parse(["--completion", shell]));

        Assert.StartsWith($"--completion takes bash, zsh or fish, not '{shell}'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
        Assert.Equal(ExitCodes.RindFailure, exception.ExitCode);
    }

    [Fact]
    public void Completion_without_a_shell_is_an_error()
    {
        var exception = Assert.Throws<RindException>(() => InvocationParser.Parse(["--completion"]));

        Assert.StartsWith("option '--completion' needs a value", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-h", "--completion", "bash")]
    [InlineData("--completion", "bash", "--help")]
    public void Help_asked_with_it_stays_help(params string[] args)
    {
        Assert.Equal(InvocationAction.ShowHelp, InvocationParser.Parse(args).Action);
    }
}
