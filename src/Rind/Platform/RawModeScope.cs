using System.Runtime.InteropServices;

namespace Rind.Platform;

/// <summary>
/// A terminal in raw mode, restored exactly as it was on dispose, and on SIGTERM, SIGHUP, SIGINT or
/// SIGQUIT before the signal ends rind, so that no way out leaves the user's terminal raw.
/// </summary>
internal sealed class RawModeScope : IDisposable
{
    private static readonly PosixSignal[] EndingSignals =
        [PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGINT, PosixSignal.SIGQUIT];

    private readonly int _fd;
    private readonly byte[] _original;
    private readonly PosixSignalRegistration[] _signals;
    private int _restored;

    private RawModeScope(int fd, byte[] original)
    {
        _fd = fd;
        _original = original;
        _signals = EndingSignals.Select(signal => SignalRegistration.Create(signal, _ => Restore())).ToArray();
    }

    public static unsafe RawModeScope Enter(int fd)
    {
        var original = new byte[NativeMethods.TermiosSize];
        var raw = new byte[NativeMethods.TermiosSize];
        fixed (byte* originalPointer = original)
        fixed (byte* rawPointer = raw)
        {
            if (NativeMethods.TcGetAttr(fd, originalPointer) != 0)
            {
                throw new RindException($"cannot read the terminal's settings (errno {Marshal.GetLastPInvokeError()})");
            }

            original.CopyTo(raw, 0);
            NativeMethods.CfMakeRaw(rawPointer);
            var scope = new RawModeScope(fd, original);
            if (TerminalSettings.Apply(fd, rawPointer) is var error and not 0)
            {
                scope.Dispose();
                throw new RindException($"cannot put the terminal in raw mode (errno {error})");
            }

            return scope;
        }
    }

    public void Dispose()
    {
        Restore();
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }
    }

    /// <summary>Puts the saved settings back, once, from whichever thread gets here first.</summary>
    private unsafe void Restore()
    {
        if (Interlocked.Exchange(ref _restored, 1) != 0)
        {
            return;
        }

        fixed (byte* originalPointer = _original)
        {
            _ = TerminalSettings.Apply(_fd, originalPointer);
        }
    }
}
