using System.Runtime.InteropServices;

namespace Rind.Execution;

/// <summary>The signals rind passes on to a command: the name kill takes, and the number the kernel gives each.</summary>
internal static class SignalNames
{
    /// <summary>The exit code of a process ended by <paramref name="signal"/>, as a shell reports it.</summary>
    public static int ExitCodeOf(PosixSignal signal) => ExitCodes.SignalBase + Describe(signal).Number;

    public static string Name(PosixSignal signal) => Describe(signal).Name;

    private static (string Name, int Number) Describe(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => ("HUP", 1),
        PosixSignal.SIGINT => ("INT", 2),
        PosixSignal.SIGQUIT => ("QUIT", 3),
        PosixSignal.SIGTERM => ("TERM", 15),
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "rind forwards only INT, TERM, HUP and QUIT"),
    };
}
