using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class TerminalSessionTests
{
    [Fact]
    public async Task In_a_terminal_the_command_gets_a_terminal()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\" tty");

        Assert.Equal(0, await terminal.WaitForExitCodeAsync());
        await terminal.WaitForScreenAsync("/dev/pts/");
    }

    [Fact]
    public async Task No_tty_option_gives_no_terminal_even_in_a_terminal()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\" -T tty");

        Assert.Equal(1, await terminal.WaitForExitCodeAsync());
        await terminal.WaitForScreenAsync("not a tty");
    }

    [Fact]
    public async Task Output_into_a_pipe_gets_no_terminal_unless_asked_for()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartAsync("bash -c '\"$RIND\" tty | cat; \"$RIND\" -t tty | cat'");

        await terminal.WaitForExitCodeAsync();
        var screen = await terminal.WaitForScreenAsync("/dev/pts/");
        Assert.StartsWith("not a tty\n/dev/pts/", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_terminal_is_refused_when_stdin_is_not_one()
    {
        var result = await RindBinary.RunAsync(["-t", "true"]);

        Assert.Equal(125, result.ExitCode);
        Assert.Equal("rind: -t/--tty needs a terminal on stdin, and stdin is not one: leave out -t, or run rind from a terminal\n", result.Stderr);
    }

    [Fact]
    public async Task TERM_is_passed_into_the_container()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartAsync("env TERM=vt220 \"$RIND\" sh -c 'echo \"term=$TERM\"'");

        Assert.Equal(0, await terminal.WaitForExitCodeAsync());
        await terminal.WaitForScreenAsync("term=vt220");
    }

    [Fact]
    public async Task The_screen_shows_the_commands_output_to_its_last_byte_and_nothing_of_rinds()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\" sh -c 'echo first; printf \"last words\"'");

        Assert.Equal(0, await terminal.WaitForExitCodeAsync());
        Assert.Equal("first\nlast words", await terminal.ScreenAsync());
    }
}
