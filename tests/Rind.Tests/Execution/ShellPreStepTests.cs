using System.Diagnostics;
using Rind.Execution;

namespace Rind.Tests.Execution;

/// <summary>
/// rind alone in a terminal, with a pre-step: the shell runs it after its own startup files. The
/// composed argv runs here in the host's dash under a pseudo-terminal (util-linux's script), with the
/// host's bash, or none on PATH for /bin/sh.
/// </summary>
public sealed class ShellPreStepTests : IDisposable
{
    private const string Activate =
        """
        deactivate() { PS1=$_OLD_PS1; unset -f deactivate; }
        _OLD_PS1=${PS1-}
        PS1="(venv) ${PS1-}"
        export VIRTUAL_ENV=/venv

        """;

    private const string UserStartupFile = "PS1='app> '\nuser_function() { :; }\n";

    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("rind-shell-pre-step-");

    public ShellPreStepTests()
    {
        File.WriteAllText(Path.Combine(_home.FullName, "activate"), Activate);
        File.WriteAllText(Path.Combine(_home.FullName, ".bashrc"), UserStartupFile);
        File.WriteAllText(Path.Combine(_home.FullName, ".shrc"), UserStartupFile);
    }

    /// <summary>PATH, and the shell's $0: the host's bash, or /bin/sh where PATH has no bash.</summary>
    public static TheoryData<string, string> Shells() => new()
    {
        { "/usr/bin:/bin", "bash" },
        { "/nonexistent", "/bin/sh" },
    };

    /// <summary>PATH with bash, and without.</summary>
    public static TheoryData<string> Paths() => new() { "/usr/bin:/bin", "/nonexistent" };

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public void With_a_terminal_the_pre_step_is_the_startup_file_of_the_shell_on_descriptor_3()
    {
        var argv = CommandComposer.Compose([], "source /venv/bin/activate", tty: true);

        Assert.Equal(["/bin/sh", "-c"], argv.Take(2));
        Assert.Contains("exec bash --rcfile /dev/fd/3 3<<'RIND_PRE_STEP'\n", argv[2], StringComparison.Ordinal);
        Assert.Contains("ENV=/dev/fd/3\nexec /bin/sh 3<<'RIND_PRE_STEP'\n", argv[2], StringComparison.Ordinal);
        Assert.Equal(2, argv[2].Split("\ncommand eval 'source /venv/bin/activate'\n").Length - 1);
    }

    [Fact]
    public void Without_a_terminal_the_pre_step_runs_before_the_shell_opens()
    {
        var argv = CommandComposer.Compose([], "source /venv/bin/activate", tty: false);

        Assert.DoesNotContain("--rcfile", argv[2], StringComparison.Ordinal);
        Assert.EndsWith("exec /bin/sh", argv[2], StringComparison.Ordinal);
    }

    [Fact]
    public void The_shell_label_opens_its_shell_after_the_pre_step_as_before()
    {
        var argv = CommandComposer.Compose([], "source /venv/bin/activate", shell: ["zsh", "-l"], tty: true);

        Assert.Equal(["/bin/sh", "-c"], argv.Take(2));
        Assert.DoesNotContain("--rcfile", argv[2], StringComparison.Ordinal);
        Assert.Equal(["rind", "zsh", "-l"], argv.Skip(3));
    }

    [Fact]
    public void A_pre_step_line_like_the_end_of_the_here_document_does_not_end_it()
    {
        var argv = CommandComposer.Compose([], "true\nRIND_PRE_STEP\necho after", tty: true);

        Assert.Contains("3<<'RIND_PRE_STEP_'\n", argv[2], StringComparison.Ordinal);
        Assert.Contains("\nRIND_PRE_STEP\necho after'\n", argv[2], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task The_shell_reads_the_users_startup_file_then_runs_the_pre_step_as_if_typed(string path, string shell)
    {
        var result = await RunInTerminalAsync(path, $"source {_home.FullName}/activate", "type deactivate; type user_function; echo \"shell=$0 env=$VIRTUAL_ENV\"; exit 3\n");

        Assert.Contains("(venv) app> ", result.Output, StringComparison.Ordinal);
        Assert.Contains("deactivate is a", result.Output, StringComparison.Ordinal);
        Assert.Contains("user_function is a", result.Output, StringComparison.Ordinal);
        Assert.Contains($"shell={shell} env=/venv", result.Output, StringComparison.Ordinal);
        Assert.Equal(3, result.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task The_shell_keeps_nothing_of_rinds_own_and_the_users_ENV(string path)
    {
        var result = await RunInTerminalAsync(
            path, "true", "echo \"[${rind_status-unset} ${RIND_USER_ENV-unset} $ENV]\"; if [ -e /proc/$$/fd/3 ]; then echo fd3\"\"=open; else echo fd3\"\"=closed; fi; exit\n");

        Assert.Contains($"[unset unset {_home.FullName}/.shrc]", result.Output, StringComparison.Ordinal);
        Assert.Contains("fd3=closed", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_failing_pre_step_says_so_and_ends_the_shell_with_its_exit_code(string path)
    {
        var result = await RunInTerminalAsync(path, "(exit 4)", "echo should\"\"-not-run\n");

        Assert.Contains("rind: the pre-step of the app.rind label failed with exit code 4", result.Output, StringComparison.Ordinal);
        Assert.Equal(4, result.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_pre_step_sourcing_a_missing_file_says_so_and_ends_the_shell(string path)
    {
        var result = await RunInTerminalAsync(path, $"source {_home.FullName}/missing", "echo should\"\"-not-run\n");

        Assert.Contains("rind: the pre-step of the app.rind label failed with exit code ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("should-not-run", result.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public async Task A_sh_startup_file_that_is_not_there_is_passed_over_as_the_shell_does()
    {
        var result = await RunInTerminalAsync(
            "/nonexistent", $"source {_home.FullName}/activate", "echo \"env=$VIRTUAL_ENV\"; exit\n", userEnv: "/nonexistent/.shrc");

        Assert.Contains("env=/venv", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, result.ExitCode);
    }

    private async Task<(int ExitCode, string Output)> RunInTerminalAsync(string path, string preStep, string input, string? userEnv = null)
    {
        var argv = CommandComposer.Compose([], preStep, tty: true);
        var start = new ProcessStartInfo("script", ["-qec", "exec /bin/dash -c \"$RIND_SCRIPT\"", "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["RIND_SCRIPT"] = argv[2];
        start.Environment["PATH"] = path;
        start.Environment["HOME"] = _home.FullName;
        start.Environment["ENV"] = userEnv ?? Path.Combine(_home.FullName, ".shrc");
        start.Environment["SHELL"] = "/bin/sh";

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var process = Process.Start(start)!;
        try
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The shell ended before it read the typed line, as a failing pre-step makes it end.
        }

        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
