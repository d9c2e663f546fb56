using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rind.Tests.Kubernetes;

/// <summary>
/// An HTTP proxy of the test's own on loopback that knows CONNECT only: it records each request's head,
/// answers with the status given, and on 200 relays bytes both ways to the host:port asked for.
/// </summary>
internal sealed class LoopbackConnectProxy : IAsyncDisposable
{
    private readonly int _status;
    private readonly LoopbackTcpServer _server;

    private LoopbackConnectProxy(int status)
    {
        _status = status;
        _server = new LoopbackTcpServer(ServeAsync);
    }

    /// <summary>The head of every request, as it came.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri Address => new($"http://127.0.0.1:{_server.Port}");

    public static LoopbackConnectProxy Start(int status = 200) => new(status);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        try
        {
            var stream = client.GetStream();
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one, stop) == 1)
            {
                head.Append((char)one[0]);
            }

            Requests.Enqueue(head.ToString());
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {_status} {(HttpStatusCode)_status}\r\nContent-Length: 0\r\n\r\n"), stop);
            if (_status != 200)
            {
                return;
            }

            var target = head.ToString().Split(' ')[1].Split(':');
            using var server = new TcpClient();
            await server.ConnectAsync(target[0], int.Parse(target[1], System.Globalization.CultureInfo.InvariantCulture), stop);
            var upstream = server.GetStream();
            await Task.WhenAny(stream.CopyToAsync(upstream, stop), upstream.CopyToAsync(stream, stop));
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
        {
            // Either end went away.
        }
    }
}
