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
        Assert.Equal(expected, TerminalDecision.UseTerminal(TtyMode.Auto, input, output, ownsInputTerminal: input));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void By_default_no_terminal_is_used_in_the_background_of_one(bool output)
    {
        Assert.False(TerminalDecision.UseTerminal(TtyMode.Auto, inputIsTerminal: true, output, ownsInputTerminal: false));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Asking_for_a_terminal_gives_one_when_stdin_is_a_terminal_whatever_stdout_is(bool output)
    {
        Assert.True(TerminalDecision.UseTerminal(TtyMode.Always, inputIsTerminal: true, output, ownsInputTerminal: true));
    }

    [Fact]
    public void Asking_for_a_terminal_without_one_on_stdin_is_a_clear_error()
    {
        var exception = Assert.Throws<RindException>(() => TerminalDecision.UseTerminal(TtyMode.Always, false, true, false));

        Assert.Equal(
            "-t/--tty needs a terminal on stdin, and stdin is not one: leave out -t, or run rind from a terminal",
            exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Asking_for_a_terminal_in_the_background_of_one_is_a_clear_error(bool output)
    {
        var exception = Assert.Throws<RindException>(
            () => TerminalDecision.UseTerminal(TtyMode.Always, inputIsTerminal: true, output, ownsInputTerminal: false));

        Assert.Equal(
            "-t/--tty needs the terminal's keyboard, and rind runs in the background of that terminal: " +
            "leave out -t, or run rind in the foreground (under timeout: timeout --foreground)",
            exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void Asking_for_no_terminal_gives_none_in_the_foreground_or_background_of_one(bool input, bool ownsInput)
    {
        Assert.False(TerminalDecision.UseTerminal(TtyMode.Never, input, outputIsTerminal: true, ownsInput));
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, false, true)]
    public void Stdin_is_read_unless_it_is_a_terminal_rind_is_in_the_background_of(bool input, bool ownsInput, bool expected)
    {
        Assert.Equal(expected, TerminalDecision.ReadInput(input, ownsInput));
    }
}
