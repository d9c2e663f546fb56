using System.Runtime.InteropServices;

namespace Rind.Platform;

/// <summary>
/// The terminal on rind's stdin and stdout, through termios and TIOCGWINSZ.
/// </summary>
internal sealed class UnixTerminal : ITerminal
{
    private const int InputFd = 0;
    private const int OutputFd = 1;

    // Asked only when a command is to run: --version and --help start faster without the C library's lookups.
    private readonly Lazy<bool> _isInputTerminal = new(() => NativeMethods.IsATty(InputFd) == 1);
    private readonly Lazy<bool> _isOutputTerminal = new(() => NativeMethods.IsATty(OutputFd) == 1);

    // A background job (cmd &, or under timeout, which runs its command in a process group of its own)
    // is stopped when it reads its controlling terminal or changes its settings.
    private readonly Lazy<bool> _ownsInputTerminal = new(() =>
    {
        var foreground = NativeMethods.TcGetPgrp(InputFd);
        return foreground == -1
            ? Marshal.GetLastPInvokeError() == NativeMethods.NotATerminal
            : foreground == NativeMethods.GetPgrp();
    });

    public bool IsInputTerminal => _isInputTerminal.Value;

    public bool OwnsInputTerminal => _ownsInputTerminal.Value;

    public bool IsOutputTerminal => _isOutputTerminal.Value;

    public TerminalSize? GetSize()
    {
        foreach (var fd in (ReadOnlySpan<int>)[OutputFd, InputFd])
        {
            if (NativeMethods.GetWindowSize(fd, out var size) == 0 && size.Rows > 0 && size.Columns > 0)
            {
                return new TerminalSize(size.Rows, size.Columns);
            }
        }

        return null;
    }

    public IDisposable EnterRawMode() => RawModeScope.Enter(InputFd);

    public IDisposable OnResize(Action resized) =>
        SignalRegistration.Create(PosixSignal.SIGWINCH, _ => resized());
}
