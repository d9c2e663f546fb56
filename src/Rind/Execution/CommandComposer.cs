using Rind.Backends;
using Rind.Platform;

namespace Rind.Execution;

/// <summary>
/// Turns the user's command, the label's pre-step and the shell choice into the argv of the exec.
/// </summary>
internal static class CommandComposer
{
    /// <summary>The shell that runs the pre-step, and the one opened when the container has no bash.</summary>
    public const string PosixShell = "/bin/sh";

    /// <summary>The name the composing shell gives itself ($0), which its own error messages start with.</summary>
    public const string ShellName = "rind";

    /// <summary>
    /// Runs the pre-step and stops with its status when it fails (in a shell's startup file, the shell
    /// ends), and leaves no variable of its own behind in a shell the user goes on in. dash, /bin/sh on
    /// Debian-based images, has no <c>source</c>, which pre-steps are often written with; the function
    /// gives it one that behaves as bash's does. It is defined through eval because busybox's ash
    /// refuses, while parsing, any function named after one of its builtins. The pre-step itself runs
    /// through <c>command eval</c>: the error of a special builtin in it, such as <c>.</c> of a file that
    /// is not there, would otherwise end a non-interactive shell at once, and make an interactive one
    /// leave its startup file and open, before the check below could say that the pre-step failed.
    /// </summary>
    private const string PreStepTemplate =
        """
        command -v source >/dev/null 2>&1 || eval 'source() { rind_file=$1; shift; . "$rind_file"; }'
        command eval {PRE_STEP}{PRE_STEP_OUTPUT}
        rind_status=$?
        if [ "$rind_status" -ne 0 ]; then
          echo "rind: the pre-step of the {SOURCE} failed with exit code $rind_status" >&2
          exit "$rind_status"
        fi
        unset rind_status

        """;

    /// <summary>
    /// Replaces the shell with the command, which follows as "$@" so that its words reach it as they
    /// are: never re-split, globbed or expanded. A command that cannot run is reported as a shell would.
    /// </summary>
    private const string RunCommand =
        """
        if ! command -v "$1" >/dev/null 2>&1; then
          echo "rind: $1: command not found" >&2
          exit 127
        fi
        case $1 in
          */*)
            if [ -d "$1" ]; then echo "rind: $1: is a directory" >&2; exit 126; fi
            if [ ! -x "$1" ]; then echo "rind: $1: permission denied" >&2; exit 126; fi
            ;;
        esac
        exec "$@"
        """;

    /// <summary>
    /// Waits (up to about a second) until the terminal has a size. Engines before API 1.42 create an
    /// exec's terminal with no size and take the size only once the process runs, so without this a
    /// program could see 0x0 at its start. Images without stty go on at once.
    /// </summary>
    private const string WaitForTerminalSize =
        """
        if command -v stty >/dev/null 2>&1; then
          rind_tries=0
          while [ "$rind_tries" -lt 100 ]; do
            case $(stty size 2>/dev/null) in ''|'0 0') ;; *) break ;; esac
            sleep 0.01 2>/dev/null || sleep 1
            rind_tries=$((rind_tries + 1))
          done
        fi

        """;

    /// <summary>Opens bash when the container has it, else /bin/sh.</summary>
    private const string OpenShell =
        """
        if command -v bash >/dev/null 2>&1; then exec bash; fi
        exec /bin/sh
        """;

    /// <summary>
    /// Opens bash, else /bin/sh, as an interactive shell that runs the pre-step itself, after its own
    /// startup files, as if the user had typed it there: what a pre-step sets that no program can pass
    /// on (a virtualenv's deactivate function, its prompt, which ~/.bashrc would set again) stays in the
    /// shell. The pre-step reaches the shell as its startup file, a here-document on descriptor 3, so
    /// nothing is written into the container; that file reads the user's own first (~/.bashrc for bash;
    /// for /bin/sh the file $ENV names, and ENV is given back; as the shell itself does, a file that is
    /// not there is passed over, and an error in it does not stop the pre-step) and closes the
    /// descriptor, which the user's commands must not inherit.
    /// </summary>
    private const string OpenShellWithPreStep =
        """
        if command -v bash >/dev/null 2>&1; then
          exec bash --rcfile /dev/fd/3 3<<'{END}'
        exec 3<&-
        if [ -e ~/.bashrc ]; then . ~/.bashrc; fi
        {PRE_STEP}{END}
        fi
        export RIND_USER_ENV="${ENV-}" ENV=/dev/fd/3
        exec /bin/sh 3<<'{END}'
        exec 3<&-
        if [ -n "$RIND_USER_ENV" ]; then
          ENV=$RIND_USER_ENV
          if [ -e "$ENV" ]; then command . "$ENV"; fi
        else
          unset ENV
        fi
        unset RIND_USER_ENV
        {PRE_STEP}{END}
        """;

    /// <summary>The line that ends the here-document carrying the pre-step, unless the pre-step has such a line.</summary>
    private const string PreStepEnd = "RIND_PRE_STEP";

    /// <param name="command">The user's command and arguments; empty for a shell.</param>
    /// <param name="preStep">The pre-step, as the app.rind label gives it.</param>
    /// <param name="shell">The shell to open instead of bash or /bin/sh, as words (the app.rind.shell label).</param>
    /// <param name="waitForTerminalSize">Whether the command must wait for its terminal to be sized.</param>
    /// <param name="tty">Whether the command has a terminal, in which a shell is interactive.</param>
    /// <param name="preStepSource">What holds the pre-step, as its failure names it: the app.rind label, or a pod's annotation.</param>
    /// <param name="checkCommand">Whether the command is checked by the shell even without a pre-step, where the backend would not say why it cannot start.</param>
    /// <param name="preStepToStderr">Whether what the pre-step prints goes to stderr, where the command's stdout is an answer a program reads.</param>
    public static IReadOnlyList<string> Compose(
        IReadOnlyList<string> command,
        string? preStep,
        IReadOnlyList<string>? shell = null,
        bool waitForTerminalSize = false,
        bool tty = false,
        string preStepSource = $"{RindLabel.Name} label",
        bool checkCommand = false,
        bool preStepToStderr = false)
    {
        var hasPreStep = !string.IsNullOrWhiteSpace(preStep);
        var wait = waitForTerminalSize ? WaitForTerminalSize : "";

        // Without a terminal the shell reads its commands from stdin and no startup file, and a shell the
        // label names has startup files of its own kind: both open after the pre-step, as a command does.
        if (command.Count == 0 && shell is not { Count: > 0 } && hasPreStep && tty)
        {
            return [PosixShell, "-c", wait + ShellWithPreStep(PreStep(preStep!, preStepSource, toStderr: false))];
        }

        if (command.Count == 0 && shell is { Count: > 0 })
        {
            command = shell;
        }

        var prelude = wait + (hasPreStep ? PreStep(preStep!, preStepSource, preStepToStderr) : "");
        if (command.Count == 0)
        {
            return [PosixShell, "-c", prelude + OpenShell];
        }

        return prelude.Length > 0 || checkCommand ? [PosixShell, "-c", prelude + RunCommand, ShellName, .. command] : command;
    }

    /// <remarks>The pre-step goes in last, so that no text of its own is taken for a placeholder.</remarks>
    private static string PreStep(string preStep, string source, bool toStderr) =>
        PreStepTemplate
            .Replace("{PRE_STEP_OUTPUT}", toStderr ? " >&2" : "", StringComparison.Ordinal)
            .Replace("{SOURCE}", source, StringComparison.Ordinal)
            .Replace("{PRE_STEP}", ShellWord.Quote(preStep.Trim()), StringComparison.Ordinal);

    private static string ShellWithPreStep(string preStep)
    {
        var lines = preStep.Split('\n');
        var end = PreStepEnd;
        while (lines.Contains(end, StringComparer.Ordinal))
        {
            end += "_";
        }

        return OpenShellWithPreStep.Replace("{END}", end, StringComparison.Ordinal).Replace("{PRE_STEP}", preStep, StringComparison.Ordinal);
    }
}
