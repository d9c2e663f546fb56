using Rind.Cli;

namespace Rind.Execution;

/// <summary>
/// Whether the command gets a terminal, and whether rind reads its stdin. By default the command gets
/// a terminal only when rind's stdin and stdout both are one and rind is in the foreground of it, so
/// that pipes, Makefiles, CI and background jobs never get a terminal they did not ask for.
/// </summary>
/// <remarks>
/// <c>ownsInputTerminal</c> says whether rind may read the terminal on stdin and change its settings,
/// which job control forbids outside its foreground process group; it counts only when stdin is a terminal.
/// </remarks>
internal static class TerminalDecision
{
    public static bool UseTerminal(TtyMode mode, bool inputIsTerminal, bool outputIsTerminal, bool ownsInputTerminal) => mode switch
    {
        TtyMode.Never => false,
        TtyMode.Always when !inputIsTerminal =>
            throw new RindException("-t/--tty needs a terminal on stdin, and stdin is not one: leave out -t, or run rind from a terminal"),

        // A terminal session hands the keyboard to the command, and a background job has no keyboard:
        // without one the command would wait for input forever, so refusing at once serves better.
        TtyMode.Always when !ownsInputTerminal =>
            throw new RindException(
                "-t/--tty needs the terminal's keyboard, and rind runs in the background of that terminal: " +
                "leave out -t, or run rind in the foreground (under timeout: timeout --foreground)"),
        TtyMode.Always => true,
        _ => inputIsTerminal && outputIsTerminal && ownsInputTerminal,
    };

    /// <summary>
    /// rind reads its stdin, except a terminal it is in the background of: a background job never reads
    /// the keyboard, and the command's input ends at once, as with <c>&lt; /dev/null</c>.
    /// </summary>
    public static bool ReadInput(bool inputIsTerminal, bool ownsInputTerminal) => !inputIsTerminal || ownsInputTerminal;
}
