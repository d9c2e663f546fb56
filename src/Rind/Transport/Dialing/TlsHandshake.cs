using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Rind.Transport.Dialing;

/// <summary>
/// The TLS client side of a connection, to an engine or to a cluster: the handshake bounded by the
/// request's deadline, a failure told in the caller's words, and the sending half ended as Go's TLS ends it.
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

        return new DialedConnection(ssl, () => CloseWrite(ssl, socket), socket.Dispose, socket);
    }

    /// <summary>Ends the sending half as Go's TLS does: close_notify, then the TCP half-close.</summary>
    /// <remarks>SslStream can send close_notify only asynchronously: this is the one place the wait is made.</remarks>
    private static void CloseWrite(SslStream ssl, Socket socket)
    {
        try
        {
            ssl.ShutdownAsync().GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is already gone: the command has ended, and its stdin with it.
        }

        SocketConnection.CloseWrite(socket);
    }
}
