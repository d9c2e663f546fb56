using System.Text.RegularExpressions;

namespace Rind.Completion;

/// <summary>
/// The one command that completes a word inside the container: Django's <c>manage.py</c> and
/// <c>django-admin</c>, and pip, asked as their own bash completion asks them (an environment
/// variable, COMP_WORDS and COMP_CWORD); for any other command, a POSIX shell listing the files that
/// start with the word, or the commands on PATH for the command's own name.
/// </summary>
/// <param name="Argv">What the exec runs.</param>
/// <param name="Environment">KEY=VALUE pairs the exec gets.</param>
/// <param name="SpaceSeparated">Whether the answer is words on a line, as Django and pip print them, rather than each ended by a NUL.</param>
internal sealed partial record ContainerQuery(IReadOnlyList<string> Argv, IReadOnlyList<string> Environment, bool SpaceSeparated)
{
    /// <summary>
    /// Lists, each ended by a NUL (the one byte no file name holds), the files starting with $2 (folders with a slash), or with "command" in $1 the
    /// commands on PATH starting with it. The word is never part of the script: a quoted "$2" before the
    /// glob is matched as it is, never expanded.
    /// </summary>
    private const string ListingScript =
        """
        word=$2
        if [ "$1" = command ]; then
          IFS=:
          for folder in $PATH; do
            for found in "${folder:-.}"/"$word"*; do
              if [ -f "$found" ] && [ -x "$found" ]; then printf '%s\000' "${found##*/}"; fi
            done
          done
        else
          for found in "$word"*; do
            case ${found##*/} in .|..) continue ;; esac
            if [ -d "$found" ]; then printf '%s/\000' "$found"
            elif [ -e "$found" ] || [ -L "$found" ]; then printf '%s\000' "$found"
            fi
          done
        fi
        """;

    /// <summary>The query for <paramref name="word"/> after the command's <paramref name="command"/> words (none for the command's name).</summary>
    public static ContainerQuery For(IReadOnlyList<string> command, string word)
    {
        if (ProgramOf(command) is var (length, variable))
        {
            // Each counts words as bash does, the program's name first; the words before it (python -m) are not its.
            List<string> words = [Name(command[length - 1]), .. command.Skip(length), word];
            return new ContainerQuery(
                [.. command.Take(length)],
                [$"{variable}=1", $"COMP_WORDS={string.Join(' ', words)}", $"COMP_CWORD={words.Count - 1}"],
                SpaceSeparated: true);
        }

        var listCommands = command.Count == 0 && !word.Contains('/', StringComparison.Ordinal);
        return new ContainerQuery(["/bin/sh", "-c", ListingScript, "rind", listCommands ? "command" : "file", word], [], SpaceSeparated: false);
    }

    /// <summary>How many words make up the program that completes itself, and the variable that asks it to.</summary>
    private static (int Length, string Variable)? ProgramOf(IReadOnlyList<string> command)
    {
        if (command.Count == 0)
        {
            return null;
        }

        var first = Name(command[0]);
        if (first is "manage.py" or "django-admin" or "django-admin.py")
        {
            return (1, "DJANGO_AUTO_COMPLETE");
        }

        if (PipName().IsMatch(first))
        {
            return (1, "PIP_AUTO_COMPLETE");
        }

        if (!PythonName().IsMatch(first) || command.Count < 2)
        {
            return null;
        }

        if (Name(command[1]) == "manage.py")
        {
            return (2, "DJANGO_AUTO_COMPLETE");
        }

        return command is [_, "-m", "django", ..] ? (3, "DJANGO_AUTO_COMPLETE")
            : command is [_, "-m", "pip", ..] ? (3, "PIP_AUTO_COMPLETE")
            : null;
    }

    private static string Name(string path) => path[(path.LastIndexOf('/') + 1)..];

    [GeneratedRegex(@"^pip(\d+(\.\d+)?)?$")]
    private static partial Regex PipName();

    [GeneratedRegex(@"^python(\d+(\.\d+)?)?$")]
    private static partial Regex PythonName();
}
