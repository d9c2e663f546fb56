using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Rind.Transport.Dialing;

/// <summary>
/// The TLS client side of a connection, to an engine or to a cluster: the handshake bounded by the
/// request's deadline, a failure told in the caller's words, and the sending half ended as the Docker CLI ends it.
/// </summary>
internal static class TlsHandshake
{
    /// <param name="socket">The connection's socket, closed to end a handshake that outlives the deadline.</param>
    /// <param name="stream">What TLS runs over: the socket's stream, or a proxy's tunnel on it.</param>
    /// <param name="failure">The words for a handshake that failed, from what it failed with.</param>
    /// <exception cref="CallTimeoutException">The deadline passed first.</exception>
    /// <exception cref="TransportException">The handshake failed, said in <paramref name="failure"/>'s words.</exception>
    public static DialedConnection Secure(
        Socket socket, Stream stream, SslClientAuthenticationOptions options, RequestDeadline deadline, Func<Exception, string> failure)
    {
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        try
        {
            using (deadline.OnExpiry(socket.Dispose))
            {
                ssl.AuthenticateAsClient(options);
            }
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException or ObjectDisposedException)
        {
            ssl.Dispose();
            if (deadline.HasPassed)
            {
                throw new CallTimeoutException(deadline.Limit, exception);
            }

            throw new TransportException(failure(exception), exception);
        }
        catch
        {
            ssl.Dispose();
            throw;
        }

        return new DialedConnection(ssl, () => CloseWrite(socket), socket.Dispose, socket);
    }

    /// <summary>
    /// Ends the sending half with the TCP half-close alone, as the Docker CLI does: Go's TLS takes an end at a
    /// record's boundary for the end of input. A close_notify would be bytes the server may never read, once
    /// the command ended and it closed the connection: its kernel would answer them with a reset, which throws
    /// away output that had arrived but was not yet read.
    /// </summary>
    private static void CloseWrite(Socket socket) => SocketConnection.CloseWrite(socket);
}
