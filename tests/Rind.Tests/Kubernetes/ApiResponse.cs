using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace Rind.Tests.Kubernetes;

/// <summary>How the loopback server answers one request.</summary>
internal abstract record ApiResponse
{
    public static ApiResponse Json(int status, string body) => new JsonResponse(status, body);

    /// <summary>Switches to a WebSocket with <paramref name="protocol"/>, then runs <paramref name="session"/> as the server.</summary>
    public static ApiResponse Upgrade(string protocol, Func<WebSocket, Task> session) => new UpgradeSession(protocol, session);

    /// <summary>Switches to SPDY/3.1 with <paramref name="protocol"/>, then runs <paramref name="session"/> as the server on the raw stream.</summary>
    public static ApiResponse Spdy(string protocol, Func<Stream, Task> session) => new SpdyResponse(protocol, session);

    /// <summary>Sends these bytes as they are, then closes.</summary>
    public static ApiResponse Raw(string bytes) => new RawResponse(bytes);

    /// <summary>Never answers, until the server stops.</summary>
    public static ApiResponse Silence() => new SilentResponse();

    public abstract Task WriteAsync(Stream stream, RecordedApiRequest request, CancellationToken stop);

    private sealed record JsonResponse(int Status, string Body) : ApiResponse
    {
        public override async Task WriteAsync(Stream stream, RecordedApiRequest request, CancellationToken stop)
        {
            var body = Encoding.UTF8.GetBytes(Body);
            var head = $"HTTP/1.1 {Status} {(HttpStatusCode)Status}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stop);
            await stream.WriteAsync(body, stop);
        }
    }

    private sealed record UpgradeSession(string Protocol, Func<WebSocket, Task> Session) : ApiResponse
    {
        public override async Task WriteAsync(Stream stream, RecordedApiRequest request, CancellationToken stop)
        {
            var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(request.Header("Sec-WebSocket-Key") + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
            var head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                $"Sec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: {Protocol}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stop);
            using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, SubProtocol = Protocol });
            await Session(socket);
        }
    }

    private sealed record SpdyResponse(string Protocol, Func<Stream, Task> Session) : ApiResponse
    {
        public override async Task WriteAsync(Stream stream, RecordedApiRequest request, CancellationToken stop)
        {
            var head = $"HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: {Protocol}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stop);
            await Session(stream);
        }
    }

    private sealed record RawResponse(string Bytes) : ApiResponse
    {
        public override async Task WriteAsync(Stream stream, RecordedApiRequest request, CancellationToken stop) =>
            await stream.WriteAsync(Encoding.Latin1.GetBytes(Bytes), stop);
    }

    private sealed record SilentResponse : ApiResponse
    {
        public override Task WriteAsync(Stream stream, RecordedApiRequest request, CancellationToken stop) => Task.Delay(Timeout.Infinite, stop);
    }
}
