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
    /// Runs the pre-step and stops with its status when it fails. dash, /bin/sh on Debian-based images,
    /// has no <c>source</c>, which pre-steps are often written with; the function gives it one that
    /// behaves as bash's does. It is defined through eval because busybox's ash refuses, while parsing,
    /// any function named after one of its builtins. The pre-step itself runs through <c>command eval</c>:
    /// the error of a special builtin in it, such as <c>.</c> of a file that is not there, would otherwise
    /// end the shell at once, before the check below could say that the pre-step failed.
    /// </summary>
    private const string PreStepTemplate =
        """
        command -v source >/dev/null 2>&1 || eval 'source() { rind_file=$1; shift; . "$rind_file"; }'
        command eval {PRE_STEP}
        rind_status=$?
        if [ "$rind_status" -ne 0 ]; then
          echo "rind: the pre-step of the app.rind label failed with exit code $rind_status" >&2
          exit "$rind_status"
        fi

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

    /// <param name="command">The user's command and arguments; empty for a shell.</param>
    /// <param name="preStep">The value of the app.rind label.</param>
    /// <param name="shell">The value of the app.rind.shell label.</param>
    /// <param name="waitForTerminalSize">Whether the command must wait for its terminal to be sized.</param>
    public static IReadOnlyList<string> Compose(
        IReadOnlyList<string> command, string? preStep, string? shell = null, bool waitForTerminalSize = false)
    {
        if (command.Count == 0 && !string.IsNullOrWhiteSpace(shell))
        {
            command = shell.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var prelude = (waitForTerminalSize ? WaitForTerminalSize : "")
            + (string.IsNullOrWhiteSpace(preStep) ? "" : PreStep(preStep));
        if (command.Count == 0)
        {
            return [PosixShell, "-c", prelude + OpenShell];
        }

        return prelude.Length > 0 ? [PosixShell, "-c", prelude + RunCommand, ShellName, .. command] : command;
    }

    private static string PreStep(string preStep) =>
        PreStepTemplate.Replace("{PRE_STEP}", ShellWord.Quote(preStep.Trim()), StringComparison.Ordinal);
}
