using System.Runtime.InteropServices;

namespace Rind.Platform;

/// <summary>
/// Applies a terminal's settings with SIGTTOU blocked on the calling thread. A process outside the
/// terminal's foreground process group is otherwise stopped by tcsetattr, and rind would stay stopped
/// with the terminal raw; blocked, the change is made and nothing stops.
/// </summary>
internal static class TerminalSettings
{
    /// <returns>0 once applied, else the errno of tcsetattr.</returns>
    public static unsafe int Apply(int fd, byte* termios)
    {
        var blocked = stackalloc byte[NativeMethods.SignalSetSize];
        var previous = stackalloc byte[NativeMethods.SignalSetSize];
        _ = NativeMethods.SigEmptySet(blocked);
        _ = NativeMethods.SigAddSet(blocked, NativeMethods.TerminalOutputSignal);
        _ = NativeMethods.PthreadSigMask(NativeMethods.SignalBlock, blocked, previous);
        try
        {
            return NativeMethods.TcSetAttr(fd, NativeMethods.TcsaNow, termios) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        finally
        {
            _ = NativeMethods.PthreadSigMask(NativeMethods.SignalSetMask, previous, null);
        }
    }
}
