namespace Rind.Execution;

/// <summary>
/// Turns the user's command and the label's pre-step into the argv of the exec.
/// </summary>
internal static class CommandComposer
{
    /// <summary>The shell rind opens when it is given no command.</summary>
    public const string DefaultShell = "/bin/sh";

    /// <summary>
    /// The script <c>/bin/sh -c</c> runs when there is a pre-step. The command follows as "$@", so its
    /// words reach it as they are: never re-split, globbed or expanded.
    /// dash, /bin/sh on Debian-based images, has no <c>source</c>, which pre-steps are often written with;
    /// the function gives it one that behaves as bash's does. It is defined through eval because
    /// busybox's ash refuses, while parsing, any function named after one of its builtins.
    /// </summary>
    private const string PreStepScriptTemplate =
        """
        command -v source >/dev/null 2>&1 || eval 'source() { rind_file=$1; shift; . "$rind_file"; }'
        {PRE_STEP}
        rind_status=$?
        if [ "$rind_status" -ne 0 ]; then
          echo "rind: the pre-step of the app.rind label failed with exit code $rind_status" >&2
          exit "$rind_status"
        fi
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

    /// <summary>The name the pre-step's shell gives itself ($0), which its own error messages start with.</summary>
    public const string ShellName = "rind";

    public static IReadOnlyList<string> Compose(IReadOnlyList<string> command, string? preStep)
    {
        var argv = command.Count > 0 ? command : [DefaultShell];
        if (string.IsNullOrWhiteSpace(preStep))
        {
            return argv;
        }

        var script = PreStepScriptTemplate.Replace("{PRE_STEP}", preStep.Trim(), StringComparison.Ordinal);
        return [DefaultShell, "-c", script, ShellName, .. argv];
    }
}
