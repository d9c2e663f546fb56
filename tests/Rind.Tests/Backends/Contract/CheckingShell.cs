using Rind.Execution;

namespace Rind.Tests.Backends.Contract;

/// <summary>
/// Plays the shell rind puts in front of a command where the backend would not say why it cannot start
/// it: the shell checks the command, and for one the container lacks writes its own line and ends with 127.
/// </summary>
internal static class CheckingShell
{
    private const string Check = """if ! command -v "$1" >/dev/null 2>&1; then""";
    private const string Line = """echo "rind: $1: command not found" >&2""";

    /// <summary>The command the shell of <paramref name="argv"/> checks; null when <paramref name="argv"/> is no such shell.</summary>
    public static string? CheckedCommand(IReadOnlyList<string> argv) =>
        argv.Count > 4 && argv[0] == CommandComposer.PosixShell && argv[1] == "-c" && argv[3] == CommandComposer.ShellName
            && argv[2].Contains(Check, StringComparison.Ordinal) && argv[2].Contains(Line, StringComparison.Ordinal)
            ? argv[4]
            : null;

    /// <summary>What the shell writes on stderr for a command the container lacks, its $1 in place.</summary>
    public static byte[] NotFoundLine(string command) => System.Text.Encoding.UTF8.GetBytes($"rind: {command}: command not found\n");

    /// <summary>The shell's exit code then.</summary>
    public const int NotFoundExitCode = 127;
}
