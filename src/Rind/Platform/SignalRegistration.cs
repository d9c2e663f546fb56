using System.Runtime.InteropServices;

namespace Rind.Platform;

/// <summary>
/// Every signal handler rind sets, through one door that first keeps the runtime's hands off the terminal.
/// </summary>
/// <remarks>
/// Once a process handles any signal through <see cref="PosixSignalRegistration"/>, .NET saves the
/// settings of the terminal on stdin and, on every SIGCONT, applies them again from a thread of its
/// own. Outside the terminal's foreground process group that tcsetattr stops rind with SIGTTOU, and
/// timeout and a shell's kill send SIGCONT right after their signal, so rind would stay stopped; in a
/// terminal session it would put back the settings raw mode replaced. rind sets its terminal itself,
/// so it takes SIGCONT for the whole run, and SIGCONT goes on continuing it as always.
/// </remarks>
internal static class SignalRegistration
{
    private static readonly Lazy<PosixSignalRegistration> ContinueTaken =
        new(() => PosixSignalRegistration.Create(PosixSignal.SIGCONT, context => context.Cancel = true));

    public static PosixSignalRegistration Create(PosixSignal signal, Action<PosixSignalContext> handler)
    {
        _ = ContinueTaken.Value;
        return PosixSignalRegistration.Create(signal, handler);
    }
}
