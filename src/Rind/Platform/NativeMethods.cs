using System.Runtime.InteropServices;

namespace Rind.Platform;

/// <summary>
/// Every call rind makes into the C library.
/// </summary>
internal static partial class NativeMethods
{
    private const string LibC = "libc";

    /// <summary>1 when <paramref name="fd"/> is a terminal.</summary>
    [LibraryImport(LibC, EntryPoint = "isatty")]
    public static partial int IsATty(int fd);
}
