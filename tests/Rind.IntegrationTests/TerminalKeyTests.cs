using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class TerminalKeyTests
{
    [Trait("Category", "Representative")]
    [Fact]
    public async Task Ctrl_C_interrupts_the_command_in_the_container_and_rind_exits_130()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\" sh -c 'echo started; exec sleep 100'");
        await terminal.WaitForScreenAsync("started");

        await terminal.SendKeysAsync("C-c");

        Assert.Equal(130, await terminal.WaitForExitCodeAsync());
    }

    [Fact]
    public async Task Ctrl_C_reaches_the_program_not_rind_and_the_shell_goes_on()
    {
        await using var container = await LabelledContainer.StartAsync(TestImages.Bash);
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\"");
        await terminal.WaitForScreenAsync("#");

        await terminal.SendTextAsync("sleep 100");
        await terminal.SendKeysAsync("Enter");
        await Task.Delay(500);
        await terminal.SendKeysAsync("C-c");
        await terminal.SendTextAsync("echo status=$?");
        await terminal.SendKeysAsync("Enter");
        await terminal.WaitForScreenAsync("status=130");
        await terminal.SendTextAsync("exit 3");
        await terminal.SendKeysAsync("Enter");

        Assert.Equal(3, await terminal.WaitForExitCodeAsync());
    }

    [Fact]
    public async Task Ctrl_P_reaches_the_shell_at_once()
    {
        await using var container = await LabelledContainer.StartAsync(TestImages.Bash);
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\"");
        await terminal.WaitForScreenAsync("#");
        await terminal.SendTextAsync("echo remembered-line");
        await terminal.SendKeysAsync("Enter");
        await terminal.WaitForScreenAsync("\nremembered-line");

        await terminal.SendKeysAsync("C-p");

        // No further key follows: the recalled line shows only if Ctrl-P was not held back.
        var screen = await terminal.WaitForScreenAsync("# echo remembered-line\nremembered-line\nbash-5.2# echo remembered-line", TimeSpan.FromSeconds(5));
        Assert.Contains("bash-5.2# echo remembered-line", screen.Split('\n').Last(line => line.Length > 0), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_detach_keys_of_the_docker_config_detach()
    {
        var config = Directory.CreateTempSubdirectory("rind-it-config-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(config.FullName, "config.json"), """{"detachKeys":"ctrl-x,x"}""");
            await using var container = await LabelledContainer.StartAsync(TestImages.Bash);
            await using var terminal = await TmuxTerminal.StartAsync($"env DOCKER_CONFIG={config.FullName} \"$RIND\" sh -c 'echo started; exec sleep 1234'");
            await terminal.WaitForScreenAsync("started");

            // One key at a time, as a person types them: Podman sees a detach key only when it arrives
            // in a read of its own, so keys sent in one write would never detach there.
            await terminal.SendKeysAsync("C-x");
            await Task.Delay(200);
            await terminal.SendKeysAsync("x");

            Assert.Equal(0, await terminal.WaitForExitCodeAsync());
            Assert.EndsWith("started\nrind: detached", (await terminal.ScreenAsync()).Split(';')[0], StringComparison.Ordinal);
        }
        finally
        {
            config.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Ctrl_D_ends_the_shell()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\"");
        await terminal.WaitForScreenAsync("#");

        await terminal.SendKeysAsync("C-d");

        Assert.Equal(0, await terminal.WaitForExitCodeAsync());
    }
}
