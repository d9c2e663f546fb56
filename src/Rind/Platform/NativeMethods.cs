using System.Runtime.InteropServices;

namespace Rind.Platform;

/// <summary>
/// Every call rind makes into the C library.
/// </summary>
internal static partial class NativeMethods
{
    /// <summary>tcsetattr: apply the change at once.</summary>
    public const int TcsaNow = 0;

    /// <summary>
    /// Room for a <c>struct termios</c>: 60 bytes with glibc, 72 on macOS. rind never reads its fields;
    /// it saves the bytes, and lets <c>cfmakeraw</c> change a copy.
    /// </summary>
    public const int TermiosSize = 256;

    /// <summary>poll: data to read.</summary>
    public const short PollIn = 0x1;

    /// <summary>poll: room to write.</summary>
    public const short PollOut = 0x4;

    /// <summary>poll: the descriptor is not open.</summary>
    public const short PollInvalid = 0x20;

    /// <summary>errno EINTR: a signal arrived before the call did anything.</summary>
    public const int Interrupted = 4;

    /// <summary>errno ENOTTY, the same number on Linux and macOS: here, a terminal that is not the caller's controlling one.</summary>
    public const int NotATerminal = 25;

    /// <summary>SIGTTOU, the same number on Linux and macOS.</summary>
    public const int TerminalOutputSignal = 22;

    /// <summary>
    /// Room for a <c>sigset_t</c>: 128 bytes with glibc, 4 on macOS. rind never reads its bits; it lets
    /// <c>sigemptyset</c> and <c>sigaddset</c> fill it.
    /// </summary>
    public const int SignalSetSize = 128;

    private const string LibC = "libc";

    /// <summary>errno EAGAIN: a non-blocking descriptor has nothing to read or no room to write yet.</summary>
    public static int WouldBlock => OperatingSystem.IsMacOS() ? 35 : 11;

    /// <summary>pthread_sigmask: add the set to the blocked signals. Linux's number, or macOS's.</summary>
    public static int SignalBlock => OperatingSystem.IsMacOS() ? 1 : 0;

    /// <summary>pthread_sigmask: make the set the blocked signals. Linux's number, or macOS's.</summary>
    public static int SignalSetMask => OperatingSystem.IsMacOS() ? 3 : 2;

    /// <summary>1 when <paramref name="fd"/> is a terminal.</summary>
    [LibraryImport(LibC, EntryPoint = "isatty")]
    public static partial int IsATty(int fd);

    [LibraryImport(LibC, EntryPoint = "tcgetattr", SetLastError = true)]
    public static unsafe partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport(LibC, EntryPoint = "tcsetattr", SetLastError = true)]
    public static unsafe partial int TcSetAttr(int fd, int optionalActions, byte* termios);

    /// <summary>The foreground process group of the terminal <paramref name="fd"/>, or -1 with errno set.</summary>
    [LibraryImport(LibC, EntryPoint = "tcgetpgrp", SetLastError = true)]
    public static partial int TcGetPgrp(int fd);

    /// <summary>The caller's process group.</summary>
    [LibraryImport(LibC, EntryPoint = "getpgrp")]
    public static partial int GetPgrp();

    [LibraryImport(LibC, EntryPoint = "sigemptyset")]
    public static unsafe partial int SigEmptySet(byte* set);

    [LibraryImport(LibC, EntryPoint = "sigaddset")]
    public static unsafe partial int SigAddSet(byte* set, int signal);

    /// <summary>
    /// Changes the calling thread's blocked signals. Returns an error number instead of setting errno,
    /// so it leaves alone what an earlier call recorded.
    /// </summary>
    [LibraryImport(LibC, EntryPoint = "pthread_sigmask")]
    public static unsafe partial int PthreadSigMask(int how, byte* set, byte* oldSet);

    [LibraryImport(LibC, EntryPoint = "cfmakeraw")]
    public static unsafe partial void CfMakeRaw(byte* termios);

    [LibraryImport(LibC, EntryPoint = "read", SetLastError = true)]
    public static unsafe partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport(LibC, EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport(LibC, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(ref PollDescriptor descriptor, nuint count, int timeoutMilliseconds);

    /// <summary>TIOCGWINSZ: Linux's request number, or the BSD one macOS uses.</summary>
    private static nuint GetWindowSizeRequest => OperatingSystem.IsMacOS() ? (nuint)0x40087468 : 0x5413;

    /// <summary>The size of the terminal <paramref name="fd"/> refers to: ioctl with TIOCGWINSZ.</summary>
    /// <returns>0 on success, -1 with errno set otherwise.</returns>
    public static int GetWindowSize(int fd, out WindowSize size) =>
        OperatingSystem.IsMacOS() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64
            ? IoctlGetWindowSizeOnAppleArm64(fd, GetWindowSizeRequest, 0, 0, 0, 0, 0, 0, out size)
            : IoctlGetWindowSize(fd, GetWindowSizeRequest, out size);

    /// <summary>
    /// ioctl is variadic. Elsewhere a variadic argument travels where a fixed third argument would, so
    /// the C library finds the pointer there.
    /// </summary>
    [LibraryImport(LibC, EntryPoint = "ioctl", SetLastError = true)]
    private static partial int IoctlGetWindowSize(int fd, nuint request, out WindowSize size);

    /// <summary>
    /// On Apple's arm64 every variadic argument goes on the stack. Six unused arguments fill the
    /// registers x2 to x7, which puts the pointer, the ninth argument, in the stack's first slot.
    /// </summary>
    [LibraryImport(LibC, EntryPoint = "ioctl", SetLastError = true)]
    private static partial int IoctlGetWindowSizeOnAppleArm64(
        int fd, nuint request, nint x2, nint x3, nint x4, nint x5, nint x6, nint x7, out WindowSize size);

    /// <summary>struct winsize.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct WindowSize
    {
        public ushort Rows;
        public ushort Columns;
        public ushort PixelWidth;
        public ushort PixelHeight;
    }

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }
}
