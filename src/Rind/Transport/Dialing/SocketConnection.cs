using System.Net;
using System.Net.Sockets;

namespace Rind.Transport.Dialing;

/// <summary>
/// A socket to a server (a Unix socket, or TCP to a host and port), connected within a request's deadline,
/// and its sending half ended alone; the words for an address that cannot be reached are the caller's.
/// </summary>
internal static class SocketConnection
{
    /// <summary>
    /// Connects before the deadline. A blocking connect() waits as long as SO_SNDTIMEO allows (Linux
    /// applies it to connecting both Unix and TCP sockets), so it is set to the time left, and cleared once connected.
    /// </summary>
    /// <param name="unreachable">What the message says when the address cannot be reached.</param>
    /// <exception cref="TransportException">The address cannot be reached.</exception>
    /// <exception cref="CallTimeoutException">The deadline passed first.</exception>
    public static Socket Connect(EndPoint address, RequestDeadline deadline, Func<SocketException, string> unreachable)
    {
        var socket = address is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (deadline.Remaining != Timeout.InfiniteTimeSpan)
            {
                socket.SendTimeout = (int)Math.Ceiling(deadline.Remaining.TotalMilliseconds);
            }

            socket.Connect(address);
            socket.SendTimeout = 0;
            return socket;
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            if (exception.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress or SocketError.TimedOut || deadline.HasPassed)
            {
                throw new CallTimeoutException(deadline.Limit, exception);
            }

            throw new TransportException(unreachable(exception), exception);
        }
    }

    /// <summary>Ends what is sent on the socket, while what the server sends keeps arriving.</summary>
    public static void CloseWrite(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // The connection is already gone: the command has ended, and its stdin with it.
        }
    }
}
