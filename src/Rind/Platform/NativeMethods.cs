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

    /// <summary>errno EPIPE, on Linux and macOS alike: nobody reads the pipe or socket written to any more.</summary>
    public const int BrokenPipe = 32;

    /// <summary>errno ENOTTY, the same number on Linux and macOS: here, a terminal that is not the caller's controlling one.</summary>
    public const int NotATerminal = 25;

    /// <summary>SIGTTOU, the same number on Linux and macOS.</summary>
    public const int TerminalOutputSignal = 22;

    /// <summary>
    /// Room for a <c>sigset_t</c>: 128 bytes with glibc, 4 on macOS. rind never reads its bits; it lets
    /// <c>sigemptyset</c> and <c>sigaddset</c> fill it.
    /// </summary>
    public const int SignalSetSize = 128;

    /// <summary>errno ENOENT, the same number on Linux and macOS.</summary>
    public const int NoSuchFile = 2;

    /// <summary>errno EACCES, the same number on Linux and macOS.</summary>
    public const int PermissionDenied = 13;

    /// <summary>access(2) W_OK, the same on Linux and macOS: may write, which connecting to a Unix socket needs.</summary>
    public const int WriteAccess = 2;

    /// <summary>errno ENOTDIR, the same number on Linux and macOS: a part of a path is not a folder.</summary>
    public const int NotAFolder = 20;

    /// <summary>The bits of a file's mode that give its type (S_IFMT), the same on Linux and macOS.</summary>
    public const int FileTypeMask = 0xF000;

    private const string LibC = "libc";

    /// <summary>
    /// The C library on macOS, named apart for the functions only macOS has: the Linux build calls
    /// "libc" directly, linked at build time, where these would not be found.
    /// </summary>
    private const string AppleLibSystem = "/usr/lib/libSystem.dylib";

    /// <summary>Room for a <c>struct statx</c> (256 bytes on every Linux architecture) or macOS's <c>struct stat</c> (144).</summary>
    private const int FileStatusSize = 256;

    /// <summary>statx: a relative path starts at the current folder (AT_FDCWD).</summary>
    private const int AtCurrentFolder = -100;

    /// <summary>statx: only the type is asked for.</summary>
    private const uint StatxType = 0x1;

    /// <summary>errno EAGAIN: a non-blocking descriptor has nothing to read or no room to write yet.</summary>
    public static int WouldBlock => OperatingSystem.IsMacOS() ? 35 : 11;

    /// <summary>pthread_sigmask: add the set to the blocked signals. Linux's number, or macOS's.</summary>
    public static int SignalBlock => OperatingSystem.IsMacOS() ? 1 : 0;

    /// <summary>pthread_sigmask: make the set the blocked signals. Linux's number, or macOS's.</summary>
    public static int SignalSetMask => OperatingSystem.IsMacOS() ? 3 : 2;

    /// <summary>
    /// open's flags to read a file without waiting: O_RDONLY, O_NONBLOCK (a FIFO opens at once, with or
    /// without a writer), O_NOCTTY (a terminal does not become rind's) and O_CLOEXEC. Linux's values, or macOS's.
    /// </summary>
    public static int OpenToReadWithoutWaiting => OperatingSystem.IsMacOS() ? 0x4 | 0x20000 | 0x1000000 : 0x800 | 0x100 | 0x80000;

    /// <summary>open's O_RDWR, the same on Linux and macOS.</summary>
    public const int ReadWrite = 2;

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

    /// <summary>setenv: changes the C library's environment, which .NET's managed copy does not follow once made.</summary>
    [LibraryImport(LibC, EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int SetEnv(string name, string value, int overwrite);

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

    /// <summary>
    /// open is variadic, but its third argument, the mode, is read only with O_CREAT; without it a call
    /// with the two fixed arguments is right everywhere, Apple's arm64 included.
    /// </summary>
    /// <returns>The descriptor, or -1 with errno set.</returns>
    [LibraryImport(LibC, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(LibC, EntryPoint = "close")]
    public static partial int Close(int fd);

    /// <returns><paramref name="newFd"/>, or -1 with errno set.</returns>
    [LibraryImport(LibC, EntryPoint = "dup2", SetLastError = true)]
    public static partial int Dup2(int oldFd, int newFd);

    /// <summary>The type bits (see <see cref="FileTypeMask"/>) of the file at <paramref name="path"/>, symbolic links followed.</summary>
    /// <returns>0 on success, -1 with errno set otherwise.</returns>
    public static int GetFileType(string path, out int type) => GetFileStatus(path, out type, out _);

    /// <summary>
    /// The type bits of the file at <paramref name="path"/>, symbolic links followed, and for a device the
    /// device it stands for (major and minor in one number, only to compare with another's).
    /// </summary>
    /// <returns>0 on success, -1 with errno set otherwise.</returns>
    public static unsafe int GetFileStatus(string path, out int type, out long device)
    {
        var status = stackalloc byte[FileStatusSize];

        // statx has one layout on every Linux architecture: the mode at offset 28, the device's major and
        // minor at 128 and 132. macOS's stat (the 64-bit inode one, the only one on arm64) has the mode at
        // offset 4 and the device at 24.
        var result = !OperatingSystem.IsMacOS() ? StatX(AtCurrentFolder, path, 0, StatxType, status)
            : RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? Stat(path, status)
            : StatWithInode64(path, status);
        type = result == 0 ? *(ushort*)(status + (OperatingSystem.IsMacOS() ? 4 : 28)) & FileTypeMask : 0;
        device = result != 0 ? 0
            : OperatingSystem.IsMacOS() ? *(int*)(status + 24)
            : ((long)*(uint*)(status + 128) << 32) | *(uint*)(status + 132);
        return result;
    }

    [LibraryImport(LibC, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int StatX(int dirFd, string path, int flags, uint mask, byte* status);

    [LibraryImport(AppleLibSystem, EntryPoint = "stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Stat(string path, byte* status);

    /// <summary>On Intel Macs plain stat fills the old layout with 32-bit inodes; this name fills the current one.</summary>
    [LibraryImport(AppleLibSystem, EntryPoint = "stat$INODE64", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int StatWithInode64(string path, byte* status);

    /// <summary>Whether the caller may use the file at <paramref name="path"/> as <paramref name="mode"/> asks (R_OK, W_OK, X_OK).</summary>
    /// <returns>0 when it may, -1 with errno set otherwise.</returns>
    [LibraryImport(LibC, EntryPoint = "access", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Access(string path, int mode);

    /// <summary>The value of an environment variable as the process was given it, or null when it is not set.</summary>
    [LibraryImport(LibC, EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial byte* GetEnv(string name);

    /// <summary>macOS only: where the C runtime keeps argc.</summary>
    [LibraryImport(AppleLibSystem, EntryPoint = "_NSGetArgc")]
    public static unsafe partial int* AppleArgumentCount();

    /// <summary>macOS only: where the C runtime keeps argv.</summary>
    [LibraryImport(AppleLibSystem, EntryPoint = "_NSGetArgv")]
    public static unsafe partial byte*** AppleArguments();

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
