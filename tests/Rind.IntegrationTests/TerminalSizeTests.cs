using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
[Trait("Category", "Representative")]
public sealed class TerminalSizeTests
{
    [Fact]
    public async Task The_command_sees_the_terminals_size_from_its_start()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\" stty size", columns: 91, rows: 27);

        Assert.Equal(0, await terminal.WaitForExitCodeAsync());
        await terminal.WaitForScreenAsync("27 91");
    }

    [Fact]
    public async Task A_resized_terminal_resizes_the_containers_terminal()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\"", columns: 80, rows: 24);
        await terminal.WaitForScreenAsync("#");
        await terminal.SendTextAsync("stty size");
        await terminal.SendKeysAsync("Enter");
        await terminal.WaitForScreenAsync("24 80");

        await terminal.ResizeAsync(columns: 120, rows: 40);
        await Task.Delay(300);
        await terminal.SendTextAsync("stty size");
        await terminal.SendKeysAsync("Enter");

        await terminal.WaitForScreenAsync("40 120");
    }
}
