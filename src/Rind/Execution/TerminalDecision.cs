using Rind.Cli;

namespace Rind.Execution;

/// <summary>
/// Whether the command gets a terminal: by default only when rind's stdin and stdout both are one,
/// so that pipes, Makefiles and CI never get a terminal they did not ask for.
/// </summary>
internal static class TerminalDecision
{
    public static bool UseTerminal(TtyMode mode, bool inputIsTerminal, bool outputIsTerminal) => mode switch
    {
        TtyMode.Never => false,
        TtyMode.Always when !inputIsTerminal =>
            throw new RindException("-t/--tty needs a terminal on stdin, and stdin is not one: leave out -t, or run rind from a terminal"),
        TtyMode.Always => true,
        _ => inputIsTerminal && outputIsTerminal,
    };
}
