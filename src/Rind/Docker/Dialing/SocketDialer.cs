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
        return new DialedConnection(new NetworkStream(socket, ownsSocket: true), () => SocketConnection.CloseWrite(socket));
    }

    /// <summary>Connects to the engine before the deadline; a failure is told in the engine's words.</summary>
    public static Socket Connect(EngineEndpoint endpoint, RequestDeadline deadline) =>
        SocketConnection.Connect(endpoint.SocketEndPoint, deadline, exception => Unreachable(endpoint, exception));

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
