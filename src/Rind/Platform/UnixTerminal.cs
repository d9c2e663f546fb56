using System.Runtime.InteropServices;

namespace Rind.Platform;

/// <summary>
/// The terminal on rind's stdin and stdout, through termios and TIOCGWINSZ.
/// </summary>
internal sealed class UnixTerminal : ITerminal
{
    private const int InputFd = 0;
    private const int OutputFd = 1;

    public bool IsInputTerminal { get; } = NativeMethods.IsATty(InputFd) == 1;

    public bool IsOutputTerminal { get; } = NativeMethods.IsATty(OutputFd) == 1;

    public TerminalSize? GetSize()
    {
        foreach (var fd in (ReadOnlySpan<int>)[OutputFd, InputFd])
        {
            if (NativeMethods.IoctlGetWindowSize(fd, NativeMethods.GetWindowSizeRequest, out var size) == 0 && size.Rows > 0 && size.Columns > 0)
            {
                return new TerminalSize(size.Rows, size.Columns);
            }
        }

        return null;
    }

    public IDisposable EnterRawMode() => RawModeScope.Enter(InputFd);

    public IDisposable OnResize(Action resized) =>
        PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => resized());
}
