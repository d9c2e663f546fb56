using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class TerminalRestoreTests
{
    [Trait("Category", "Representative")]
    [Fact]
    public async Task The_terminal_is_restored_when_the_command_exits()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\" sh -c 'exit 3'");

        var exitCode = await terminal.WaitForExitCodeAsync();

        Assert.Equal(3, exitCode);
        await AssertRestoredAsync(terminal);
    }

    [Fact]
    public async Task The_terminal_is_restored_when_the_command_cannot_start()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\" no-such-command");

        var exitCode = await terminal.WaitForExitCodeAsync();

        Assert.Equal(127, exitCode);
        await terminal.WaitForScreenAsync("rind: no-such-command: command not found");
        await AssertRestoredAsync(terminal);
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("HUP", 129)]
    public async Task The_terminal_is_restored_when_rind_is_ended_by_a_signal(string signal, int expectedExitCode)
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\" sh -c 'echo started; sleep 100'");
        await terminal.WaitForScreenAsync("started");

        await ProcessRunner.RunAsync("kill", [$"-{signal}", (await terminal.RindPidAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(expectedExitCode, await terminal.WaitForExitCodeAsync());
        await AssertRestoredAsync(terminal);
    }

    [Fact]
    public async Task The_terminal_is_restored_when_the_engine_connection_drops()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\" sh -c 'echo started; sleep 100'");
        await terminal.WaitForScreenAsync("started");

        await container.StopAsync();

        Assert.NotEqual(0, await terminal.WaitForExitCodeAsync());
        await AssertRestoredAsync(terminal);
    }

    private static async Task AssertRestoredAsync(TmuxTerminal terminal)
    {
        var (before, after) = await terminal.TerminalSettingsAsync();
        Assert.Equal(before, after);
    }
}
