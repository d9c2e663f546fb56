using System.Net;
using System.Net.Sockets;
using Rind.Transport.Dialing;

namespace Rind.Docker.Dialing;

/// <summary>
/// Plain connections to a unix:// or tcp:// engine.
/// </summary>
internal sealed class SocketDialer(EngineEndpoint endpoint) : IDialer
{
    public DialedConnection Dial(RequestDeadline deadline)
    {
        var socket = Connect(endpoint, deadline);
        return new DialedConnection(new NetworkStream(socket, ownsSocket: true), () => CloseWrite(socket));
    }

    /// <summary>Connects to the engine before the deadline.</summary>
    public static Socket Connect(EngineEndpoint endpoint, RequestDeadline deadline) =>
        Connect(endpoint.SocketEndPoint, deadline, exception => Unreachable(endpoint, exception));

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

    private static string Unreachable(EngineEndpoint endpoint, SocketException exception) =>
        (endpoint, exception.SocketErrorCode) switch
        {
            (UnixEngineEndpoint unix, SocketError.AccessDenied) =>
                $"permission denied on the Docker engine's socket {unix.Address}: add your user to the 'docker' group " +
                "(sudo usermod -aG docker $USER, then log in again), or set DOCKER_HOST to an engine you may use",
            (UnixEngineEndpoint unix, _) when !File.Exists(unix.SocketPath) =>
                $"cannot reach the Docker engine: {unix.Address} does not exist; is the engine running? " +
                "Start Docker, or set DOCKER_HOST to where it listens",
            (UnixEngineEndpoint unix, _) =>
                $"cannot reach the Docker engine at {unix.Address} ({exception.Message}); is the engine running? " +
                "Start Docker, or set DOCKER_HOST to where it listens",
            _ =>
                $"cannot reach the Docker engine at {endpoint.Address} ({exception.Message}); is the engine running " +
                "and listening there? Check DOCKER_HOST",
        };
}
