using Rind.Execution;

namespace Rind.Kubernetes;

/// <summary>
/// The argv an exec in a pod runs for a plan. The exec API takes an argv alone, no environment and no
/// working folder, so these go in front of it: env sets the variables (the marker first), and a working
/// folder is entered by a shell that then runs the rest as its arguments. The plan's argv stays last,
/// word for word, never split again.
/// </summary>
internal static class PodCommandLine
{
    /// <summary>Enters the folder given as $1, or fails as an exec in a missing folder does (126), then runs the rest.</summary>
    private const string EnterFolder = """cd -- "$1" || exit 126; shift; exec "$@" """;

    /// <summary>Runs its arguments: between env and a command whose name holds '=', which env would take for a variable.</summary>
    private const string RunArguments = """exec "$@" """;

    /// <summary>
    /// Waits for the line rind sends once it knows the command's input can be ended, and runs the rest
    /// only then; the input's end without that line (rind hung up) ends it before anything ran.
    /// </summary>
    private const string AwaitGoAhead = """IFS= read -r rind_go || exit 0; exec "$@" """;

    /// <summary>What rind sends to let a command that awaits it run.</summary>
    public static ReadOnlySpan<byte> GoAhead => "\n"u8;

    /// <param name="awaitGoAhead">Whether the command waits for <see cref="GoAhead"/> on its input before it runs.</param>
    public static IReadOnlyList<string> For(ExecPlan plan, ProcessMarker marker, bool awaitGoAhead = false)
    {
        var argv = new List<string>(plan.Argv.Count + plan.Environment.Count + 12);
        if (awaitGoAhead)
        {
            argv.AddRange(["/bin/sh", "-c", AwaitGoAhead, "rind"]);
        }

        if (plan.WorkingDirectory is { } folder)
        {
            argv.AddRange(["/bin/sh", "-c", EnterFolder, "rind", folder]);
        }

        argv.AddRange(["env", "--", marker.Variable]);
        argv.AddRange(plan.Environment);
        if (plan.Argv.Count > 0 && plan.Argv[0].Contains('=', StringComparison.Ordinal))
        {
            argv.AddRange(["/bin/sh", "-c", RunArguments, "rind"]);
        }

        argv.AddRange(plan.Argv);
        return argv;
    }
}
