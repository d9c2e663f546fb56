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
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _status;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private LoopbackConnectProxy(int status)
    {
        _status = status;
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The head of every request, as it came.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public static LoopbackConnectProxy Start(int status = 200) => new(status);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopped while accepting.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = new StringBuilder();
                var one = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one, _stop.Token) == 1)
                {
                    head.Append((char)one[0]);
                }

                Requests.Enqueue(head.ToString());
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {_status} {(HttpStatusCode)_status}\r\nContent-Length: 0\r\n\r\n"), _stop.Token);
                if (_status != 200)
                {
                    return;
                }

                var target = head.ToString().Split(' ')[1].Split(':');
                using var server = new TcpClient();
                await server.ConnectAsync(target[0], int.Parse(target[1], System.Globalization.CultureInfo.InvariantCulture), _stop.Token);
                var upstream = server.GetStream();
                await Task.WhenAny(stream.CopyToAsync(upstream, _stop.Token), upstream.CopyToAsync(stream, _stop.Token));
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
            {
                // Either end went away.
            }
        }
    }
}
