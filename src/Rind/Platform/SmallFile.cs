using System.Runtime.InteropServices;

namespace Rind.Platform;

/// <summary>
/// Reads a small regular file whole. Anything else at the path is refused at once, without being
/// opened: File.OpenRead would wait forever for a FIFO's writer, and a device such as /dev/zero never ends.
/// </summary>
internal static class SmallFile
{
    /// <returns>The file's bytes, or null when nothing is at the path.</returns>
    /// <exception cref="IOException">
    /// The path holds something other than a regular file, or one larger than <paramref name="maxBytes"/>,
    /// or it cannot be read; the message says which, in words that can follow "path: ".
    /// </exception>
    public static byte[]? ReadOrNull(string path, int maxBytes)
    {
        if (NativeMethods.GetFileType(path, out var type) != 0)
        {
            return Missing(Marshal.GetLastPInvokeError());
        }

        if (FileTypeDescription.WhyNotRegular(type) is { } reason)
        {
            throw new IOException(reason);
        }

        // Not waiting, and read only so far, even should the path change in between.
        var fd = NativeMethods.Open(path, NativeMethods.OpenToReadWithoutWaiting);
        if (fd < 0)
        {
            return Missing(Marshal.GetLastPInvokeError());
        }

        try
        {
            return BoundedRead.AtMost(new FileDescriptorStream(fd, FileAccess.Read), maxBytes)
                ?? throw new IOException($"it is larger than {maxBytes / (1024 * 1024)} MiB");
        }
        finally
        {
            _ = NativeMethods.Close(fd);
        }
    }

    /// <returns>null when the error says nothing is there; otherwise throws with the system's words.</returns>
    private static byte[]? Missing(int error) =>
        error is NativeMethods.NoSuchFile or NativeMethods.NotAFolder
            ? null
            : throw new IOException(Marshal.GetPInvokeErrorMessage(error), error);
}
