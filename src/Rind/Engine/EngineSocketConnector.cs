using System.Net.Sockets;

namespace Rind.Engine;

/// <summary>
/// Opens a socket to the engine, turning connection failures into messages that say what to do.
/// </summary>
internal static class EngineSocketConnector
{
    public static async ValueTask<Socket> ConnectAsync(EngineEndpoint endpoint, CancellationToken cancellationToken)
    {
        var socket = endpoint is UnixEngineEndpoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint.SocketEndPoint, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw Unreachable(endpoint, exception);
        }
    }

    internal static RindException Unreachable(EngineEndpoint endpoint, SocketException exception)
    {
        var message = (endpoint, exception.SocketErrorCode) switch
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
        return new RindException(message, innerException: exception);
    }
}
