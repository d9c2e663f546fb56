using System.Collections.Concurrent;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Rind.Tests.Kubernetes;

/// <summary>
/// A tiny API server of the test's own on loopback: plain HTTP or TLS, one request per connection, each
/// answered by the test's function, with JSON, a WebSocket upgrade, or silence.
/// </summary>
internal sealed class LoopbackApiServer : IAsyncDisposable
{
    private readonly Func<RecordedApiRequest, ApiResponse> _answer;
    private readonly X509Certificate2? _certificate;
    private readonly LoopbackTcpServer _server;

    private LoopbackApiServer(Func<RecordedApiRequest, ApiResponse> answer, X509Certificate2? certificate)
    {
        _answer = answer;
        _certificate = certificate;
        _server = new LoopbackTcpServer(ServeAsync);
    }

    public ConcurrentQueue<RecordedApiRequest> Requests { get; } = new();

    public Uri Address => new($"{(_certificate is null ? "http" : "https")}://127.0.0.1:{_server.Port}");

    public static LoopbackApiServer Start(Func<RecordedApiRequest, ApiResponse> answer, X509Certificate2? certificate = null) => new(answer, certificate);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        try
        {
            Stream stream = client.GetStream();
            if (_certificate is not null)
            {
                var tls = new SslStream(stream);
                await tls.AuthenticateAsServerAsync(_certificate);
                stream = tls;
            }

            await using (stream)
            {
                var request = await ReadRequestAsync(stream);
                Requests.Enqueue(request);
                await _answer(request).WriteAsync(stream, request, stop);
            }
        }
        catch (Exception exception) when (exception is IOException or AuthenticationException or OperationCanceledException or WebSocketException)
        {
            // The client went away, or refused the certificate: what the test checks on its side.
        }
    }

    private static async Task<RecordedApiRequest> ReadRequestAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("the client closed before the end of the request head");
            }

            head.Append((char)one[0]);
        }

        var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var parts = lines[0].Split(' ');
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .GroupBy(pair => pair[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => string.Join(", ", group.Select(pair => pair[1].Trim())), StringComparer.OrdinalIgnoreCase);
        return new RecordedApiRequest(parts[0], parts[1], headers);
    }
}
