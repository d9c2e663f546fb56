using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Rind.Transport.WebSockets;

namespace Rind.Tests.Kubernetes;

/// <summary>
/// Both ends of one WebSocket over a loopback TCP connection: the test acting as the API server on
/// <see cref="Server"/> with .NET's own WebSocket, rind's client on <see cref="Client"/>.
/// </summary>
internal sealed class WebSocketPair : IDisposable
{
    private readonly Socket _clientSocket;

    private WebSocketPair(WebSocket server, Socket clientSocket)
    {
        Server = server;
        _clientSocket = clientSocket;
        Client = new WebSocketConnection(new NetworkStream(clientSocket, ownsSocket: true), clientSocket.Dispose);
    }

    public WebSocket Server { get; }

    public WebSocketConnection Client { get; }

    public static WebSocketPair Open(string subprotocol)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect((IPEndPoint)listener.LocalEndpoint);
        var server = listener.AcceptSocket();
        return new WebSocketPair(
            WebSocket.CreateFromStream(new NetworkStream(server, ownsSocket: true), new WebSocketCreationOptions { IsServer = true, SubProtocol = subprotocol }),
            client);
    }

    /// <summary>Sends one whole binary message from the server: the channel byte, then the payload.</summary>
    public Task SendAsync(byte channel, ReadOnlySpan<byte> payload, CancellationToken cancellationToken)
    {
        var message = new byte[payload.Length + 1];
        message[0] = channel;
        payload.CopyTo(message.AsSpan(1));
        return Server.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
    }

    /// <summary>Receives one whole message the client sent.</summary>
    public async Task<byte[]> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        while (true)
        {
            var received = await Server.ReceiveAsync(buffer.AsMemory(filled), cancellationToken);
            filled += received.Count;
            if (received.EndOfMessage)
            {
                return buffer[..filled];
            }
        }
    }

    public Task CloseAsync(CancellationToken cancellationToken) =>
        Server.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);

    public void Dispose()
    {
        _clientSocket.Dispose();
        Server.Dispose();
    }
}
