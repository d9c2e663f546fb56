using System.Runtime.InteropServices;

namespace Rind.Platform;

/// <summary>
/// Looks at the path of a Unix socket without connecting: whether a socket is there and rind may connect to it.
/// </summary>
internal static class SocketFile
{
    public static SocketCheck Check(string path)
    {
        if (NativeMethods.GetFileType(path, out var type) != 0)
        {
            return new SocketCheck(false, Reason(Marshal.GetLastPInvokeError()));
        }

        if (FileTypeDescription.WhyNotSocket(type) is { } notASocket)
        {
            return new SocketCheck(false, notASocket);
        }

        return NativeMethods.Access(path, NativeMethods.WriteAccess) == 0 ? SocketCheck.Usable : new SocketCheck(true, Reason(Marshal.GetLastPInvokeError()));
    }

    private static string Reason(int error) => error switch
    {
        NativeMethods.NoSuchFile or NativeMethods.NotAFolder => "it does not exist",
        NativeMethods.PermissionDenied => "permission denied",
        _ => Marshal.GetPInvokeErrorMessage(error),
    };
}
