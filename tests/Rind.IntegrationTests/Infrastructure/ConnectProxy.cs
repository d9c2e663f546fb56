using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// An HTTP proxy on a loopback port that serves CONNECT only, as proxies in front of clusters do for
/// https:// addresses: it notes each target and then passes bytes both ways untouched.
/// </summary>
public sealed class ConnectProxy : IAsyncDisposable
{
    private const int MaxHeadBytes = 8192;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _targets = [];
    private readonly Task _accepting;

    public ConnectProxy()
    {
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    /// <summary>The host:port of each CONNECT it served, in order.</summary>
    public IReadOnlyList<string> Targets
    {
        get { lock (_targets) { return [.. _targets]; } }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped while it waited for a client.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                var words = head.Split("\r\n")[0].Split(' ');
                if (words is not ["CONNECT", var target, _])
                {
                    await stream.WriteAsync("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), _stop.Token);
                    return;
                }

                lock (_targets)
                {
                    _targets.Add(target);
                }

                var separator = target.LastIndexOf(':');
                using var upstream = new TcpClient();
                await upstream.ConnectAsync(target[..separator], int.Parse(target[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture), _stop.Token);
                await stream.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), _stop.Token);
                var upstreamStream = upstream.GetStream();
                await Task.WhenAny(stream.CopyToAsync(upstreamStream, _stop.Token), upstreamStream.CopyToAsync(stream, _stop.Token));
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // One side went away: the tunnel is over.
            }
        }
    }

    /// <summary>The request's head, up to its empty line, read a byte at a time so that nothing after it is taken.</summary>
    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < MaxHeadBytes)
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                break;
            }

            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
            {
                break;
            }
        }

        return Encoding.ASCII.GetString([.. head]);
    }
}
