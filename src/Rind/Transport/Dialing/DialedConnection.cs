using System.Net.Sockets;

namespace Rind.Transport.Dialing;

/// <summary>
/// One open connection to a server: a byte stream both ways, a way to end the sending half
/// alone, which is how a command learns that its stdin has ended while its output still arrives,
/// and a way to break it off from another thread, which ends a read or write that waits on it.
/// </summary>
/// <param name="socket">The socket underneath, when there is one, for a limit on how long a read may wait.</param>
internal sealed class DialedConnection(Stream stream, Action closeWrite, Action? abort = null, Socket? socket = null)
{
    public Stream Stream { get; } = stream;

    public void CloseWrite() => closeWrite();

    /// <summary>Makes a read that waits longer than <paramref name="limit"/> fail (see <see cref="ReceiveTimeout"/>); nothing without a socket.</summary>
    public void LimitReceiveWait(TimeSpan? limit)
    {
        if (socket is not null)
        {
            ReceiveTimeout.Set(socket, limit);
        }
    }

    public void Abort()
    {
        if (abort is null)
        {
            Stream.Dispose();
        }
        else
        {
            abort();
        }
    }
}
