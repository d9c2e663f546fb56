using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class TerminalShellTests
{
    [Theory]
    [InlineData(TestImages.Bash, "shell=bash")]
    [InlineData(TestImages.Busybox, "shell=/bin/sh")]
    public async Task Rind_alone_opens_bash_when_the_container_has_it_else_sh(string image, string expected)
    {
        await using var container = await LabelledContainer.StartAsync(image);
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\"");
        await terminal.WaitForScreenAsync("#");

        await terminal.SendTextAsync("echo shell=$0");
        await terminal.SendKeysAsync("Enter");

        await terminal.WaitForScreenAsync("\n" + expected);
    }

    [Fact]
    public async Task The_shell_label_chooses_the_shell()
    {
        await using var container = await LabelledContainer.StartAsync(
            TestImages.Bash, labels: new Dictionary<string, string> { ["app.rind.shell"] = "/bin/ash" });
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\"");
        await terminal.WaitForScreenAsync("#");

        await terminal.SendTextAsync("echo shell=$0");
        await terminal.SendKeysAsync("Enter");

        await terminal.WaitForScreenAsync("\nshell=/bin/ash");
    }

    [Fact]
    public async Task The_shell_opens_after_the_pre_step()
    {
        await using var container = await LabelledContainer.StartAsync(TestImages.Bash, "source /venv/bin/activate");
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\"");
        await terminal.WaitForScreenAsync("#");

        await terminal.SendTextAsync("echo env=$VIRTUAL_ENV; exit 4");
        await terminal.SendKeysAsync("Enter");

        Assert.Equal(4, await terminal.WaitForExitCodeAsync());
        await terminal.WaitForScreenAsync("\nenv=/venv");
    }
}
