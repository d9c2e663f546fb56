using System.Net.Sockets;

namespace Rind.Transport.Dialing;

/// <summary>
/// A socket's receive timeout: a blocking read that waits longer fails. It is how a connection that went
/// silent is noticed by the very thread that waits on it, with no watchdog beside it.
/// </summary>
internal static class ReceiveTimeout
{
    /// <param name="limit">The longest a read may wait; null, or <see cref="Timeout.InfiniteTimeSpan"/> (RIND_TIMEOUT=0), for no limit.</param>
    public static void Set(Socket socket, TimeSpan? limit) =>
        socket.ReceiveTimeout = limit is { } wait && wait > TimeSpan.Zero ? (int)Math.Clamp(wait.TotalMilliseconds, 1, int.MaxValue) : 0;

    /// <summary>Whether a failed read failed because it waited past the limit.</summary>
    public static bool IsCause(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is SocketException { SocketErrorCode: SocketError.TimedOut or SocketError.WouldBlock })
            {
                return true;
            }
        }

        return false;
    }
}
