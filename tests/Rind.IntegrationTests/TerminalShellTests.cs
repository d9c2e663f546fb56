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

    [Theory]
    [InlineData(TestImages.Bash)]
    [InlineData(TestImages.Dash)]
    [InlineData(TestImages.Busybox)]
    public async Task The_shell_runs_the_pre_step_after_the_users_startup_file_as_if_typed_there(string image)
    {
        await using var container = await LabelledContainer.StartAsync(image, "source /venv/bin/activate", environment: ["ENV=/root/.shrc"]);
        await WriteStartupFilesAsync(container, "PS1='app> '", "user_rc() { :; }");
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\"");
        await terminal.WaitForScreenAsync("(venv) app>");

        await terminal.TypeLineAsync("type user_rc deactivate | grep -c ' is a .*function'");
        await terminal.WaitForScreenAsync("\n2\n");
        await terminal.TypeLineAsync("deactivate; echo \"venv=[$VIRTUAL_ENV]\"; exit 6");

        Assert.Equal(6, await terminal.WaitForExitCodeAsync());
        await terminal.WaitForScreenAsync("\nvenv=[]");
    }

    [Theory]
    [InlineData(TestImages.Bash)]
    [InlineData(TestImages.Dash)]
    public async Task A_pre_step_that_fails_in_the_shell_says_so_and_ends_it(string image)
    {
        await using var container = await LabelledContainer.StartAsync(image, "source /venv/no-such-activate");
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\"");

        var exitCode = await terminal.WaitForExitCodeAsync();

        await terminal.WaitForScreenAsync("rind: the pre-step of the app.rind label failed with exit code ");
        Assert.NotEqual(0, exitCode);
        Assert.NotEqual(125, exitCode);
    }

    /// <summary>The user's own startup files: ~/.bashrc for bash, and the file $ENV names for /bin/sh.</summary>
    private static async Task WriteStartupFilesAsync(LabelledContainer container, params string[] lines)
    {
        var result = await RindBinary.RunAsync(["-c", container.Id, "sh", "-c", "printf '%s\\n' \"$@\" > /root/.bashrc; cp /root/.bashrc /root/.shrc", "sh", .. lines]);
        Assert.Equal(0, result.ExitCode);
    }
}
