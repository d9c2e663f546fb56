using Rind.Execution;
using Rind.Tests.Processes;

namespace Rind.Tests.Execution;

public sealed class CommandComposerTests
{
    private static readonly string[] Words = ["printf", "[%s]\\n", "a  b", "$(id)", "", "*", "'q'", "\"dq\"", "back\\slash"];

    [Fact]
    public void Without_a_pre_step_the_arguments_are_the_argv()
    {
        Assert.Equal(Words, CommandComposer.Compose(Words, preStep: null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_label_value_is_no_pre_step(string preStep)
    {
        Assert.Equal(Words, CommandComposer.Compose(Words, preStep));
    }

    [Fact]
    public void The_shell_label_names_the_shell_to_open()
    {
        Assert.Equal(["zsh", "-l"], CommandComposer.Compose([], preStep: null, shell: ["zsh", "-l"]));
    }

    [Fact]
    public void The_shell_label_is_ignored_when_a_command_is_given()
    {
        Assert.Equal(["ls"], CommandComposer.Compose(["ls"], preStep: null, shell: ["zsh"]));
    }

    [Fact]
    public async Task Without_a_command_bash_is_opened_when_there_is_one()
    {
        var result = await RunComposedAsync("/bin/dash", [], preStep: null, stdin: "echo \"shell $0\"\n");

        Assert.Equal("shell bash\n", result.Stdout);
    }

    [Fact]
    public async Task Without_a_command_or_bash_the_posix_shell_is_opened()
    {
        var result = await RunComposedAsync("/bin/dash", [], preStep: null, stdin: "echo \"shell $0\"\n", path: "/nonexistent");

        Assert.Equal("shell /bin/sh\n", result.Stdout);
    }

    [Fact]
    public async Task The_pre_step_runs_before_the_shell_opens()
    {
        var result = await RunComposedAsync("/bin/dash", [], "RIND_READY=yes; export RIND_READY", stdin: "echo \"$RIND_READY\"\n");

        Assert.Equal("yes\n", result.Stdout);
    }

    [Fact]
    public void With_a_pre_step_the_command_follows_the_script_as_separate_words()
    {
        var argv = CommandComposer.Compose(Words, "source /venv/bin/activate");

        Assert.Equal(["/bin/sh", "-c"], argv.Take(2));
        Assert.Contains("source /venv/bin/activate", argv[2], StringComparison.Ordinal);
        Assert.Equal(["rind", .. Words], argv.Skip(3));
    }

    public static TheoryData<string> Shells() => new() { "/bin/dash", "/bin/busybox" };

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Words_pass_through_the_pre_step_shell_unchanged(string shell)
    {
        var result = await RunComposedAsync(shell, Words, "true");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("[a  b]\n[$(id)]\n[]\n[*]\n['q']\n[\"dq\"]\n[back\\slash]\n", result.Stdout);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_pre_step_written_with_source_works_in_every_shell(string shell)
    {
        var script = Path.GetTempFileName();
        await File.WriteAllTextAsync(script, "RIND_SOURCED=yes\nexport RIND_SOURCED\n");
        try
        {
            var result = await RunComposedAsync(shell, ["sh", "-c", "echo $RIND_SOURCED"], $"source {script}");

            Assert.Equal("yes\n", result.Stdout);
            Assert.Equal(0, result.ExitCode);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_failing_pre_step_stops_the_command_with_its_exit_code(string shell)
    {
        var result = await RunComposedAsync(shell, ["echo", "ran"], "false || true; (exit 4)");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("rind: the pre-step of the app.rind label failed with exit code 4\n", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_pre_step_sourcing_a_missing_file_is_reported_as_a_failed_pre_step(string shell)
    {
        var result = await RunComposedAsync(shell, ["echo", "ran"], "source /nonexistent/activate");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("/nonexistent/activate", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("rind: the pre-step of the app.rind label failed with exit code 2\n", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_pre_step_of_several_lines_with_quotes_runs_as_written(string shell)
    {
        var result = await RunComposedAsync(shell, ["sh", "-c", "echo \"[$RIND_A] [$RIND_B]\""], "RIND_A='a  b'\nRIND_B=\"it's\"\nexport RIND_A RIND_B");

        Assert.Equal("[a  b] [it's]\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_missing_command_after_a_pre_step_exits_127(string shell)
    {
        var result = await RunComposedAsync(shell, ["no-such-command-here", "x"], "true");

        Assert.Equal(127, result.ExitCode);
        Assert.Equal("rind: no-such-command-here: command not found\n", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Without_a_pre_step_a_checked_command_that_is_missing_exits_127_in_rinds_words(string shell)
    {
        var result = await RunComposedAsync(shell, ["no-such-command-here", "x"], preStep: null, checkCommand: true);

        Assert.Equal(127, result.ExitCode);
        Assert.Equal("rind: no-such-command-here: command not found\n", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Without_a_pre_step_a_checked_command_gets_its_words_unchanged(string shell)
    {
        var result = await RunComposedAsync(shell, Words, preStep: null, checkCommand: true);

        Assert.Equal("[a  b]\n[$(id)]\n[]\n[*]\n['q']\n[\"dq\"]\n[back\\slash]\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_pre_step_that_prints_leaves_an_answer_on_stdout_alone_when_asked_to(string shell)
    {
        var result = await RunComposedAsync(shell, ["echo", "migrate"], "echo activating; echo warning >&2", preStepToStderr: true);

        Assert.Equal(("migrate\n", "activating\nwarning\n", 0), (result.Stdout, result.Stderr, result.ExitCode));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_pre_step_holding_the_templates_own_placeholders_runs_as_written(string shell)
    {
        var result = await RunComposedAsync(shell, ["true"], "echo '{SOURCE} {PRE_STEP_OUTPUT} {PRE_STEP}'");

        Assert.Equal(("{SOURCE} {PRE_STEP_OUTPUT} {PRE_STEP}\n", 0), (result.Stdout, result.ExitCode));
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunComposedAsync(
        string shell, string[] command, string? preStep, string stdin = "", string? path = null, bool checkCommand = false, bool preStepToStderr = false)
    {
        Assert.True(File.Exists(shell), $"{shell} is missing: build/prerequisites.sh installs it");
        var argv = CommandComposer.Compose(command, preStep, checkCommand: checkCommand, preStepToStderr: preStepToStderr);
        // busybox is given the name of the applet to be.
        IEnumerable<string> arguments = shell.EndsWith("busybox", StringComparison.Ordinal) ? ["sh", .. argv.Skip(1)] : argv.Skip(1);
        var result = await ChildProcess.RunAsync(
            shell, arguments, path is null ? null : new Dictionary<string, string?> { ["PATH"] = path }, stdin: stdin, timeout: TimeSpan.FromSeconds(20));
        return (result.ExitCode, result.Stdout, result.Stderr);
    }
}
