using Rind.Cli;
using Rind.Execution;

namespace Rind.Tests.Execution;

public sealed class TerminalDecisionTests
{
    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, false)]
    public void By_default_a_terminal_is_used_only_when_stdin_and_stdout_are_terminals(bool input, bool output, bool expected)
    {
        Assert.Equal(expected, TerminalDecision.UseTerminal(TtyMode.Auto, input, output));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Asking_for_a_terminal_gives_one_when_stdin_is_a_terminal_whatever_stdout_is(bool output)
    {
        Assert.True(TerminalDecision.UseTerminal(TtyMode.Always, inputIsTerminal: true, output));
    }

    [Fact]
    public void Asking_for_a_terminal_without_one_on_stdin_is_a_clear_error()
    {
        var exception = Assert.Throws<RindException>(() => TerminalDecision.UseTerminal(TtyMode.Always, false, true));

        Assert.Equal(
            "-t/--tty needs a terminal on stdin, and stdin is not one: leave out -t, or run rind from a terminal",
            exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Fact]
    public void Asking_for_no_terminal_gives_none_even_in_a_terminal()
    {
        Assert.False(TerminalDecision.UseTerminal(TtyMode.Never, true, true));
    }
}
