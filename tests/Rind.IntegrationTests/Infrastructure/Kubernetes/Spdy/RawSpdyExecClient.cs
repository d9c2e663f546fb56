using System.Buffers.Binary;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes.Spdy;

/// <summary>
/// A bare SPDY/3.1 exec client of the tests' own, for what kubectl cannot show: it upgrades, opens
/// the error and stdout streams (and stdin when asked), and then does only what the test tells it;
/// in particular it sends no WINDOW_UPDATE and answers no PING by itself.
/// </summary>
internal sealed class RawSpdyExecClient : IAsyncDisposable
{
    public const uint ErrorStream = 1;
    public const uint StdoutStream = 3;
    public const uint StdinStream = 5;

    private readonly TcpClient _tcp;
    private readonly SslStream _tls;
    private readonly SpdyFrameWriter _writer;
    private readonly SpdyFrameReader _reader;

    private RawSpdyExecClient(TcpClient tcp, SslStream tls)
    {
        _tcp = tcp;
        _tls = tls;
        _writer = new SpdyFrameWriter(tls);
        _reader = new SpdyFrameReader(tls);
    }

    public SpdyFrameWriter Writer => _writer;

    /// <summary>Connects, upgrades with v4.channel.k8s.io, and opens the streams, each answered before the next.</summary>
    public static async Task<RawSpdyExecClient> ConnectAsync(FakeCluster cluster, string pod, IReadOnlyList<string> command, bool stdin, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync("127.0.0.1", cluster.Server.Port, cancellationToken);
            var authority = X509Certificate2.CreateFromPem(cluster.CaPem);
            var tls = new SslStream(tcp.GetStream());
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = "127.0.0.1",
                    ApplicationProtocols = [SslApplicationProtocol.Http11],
                    RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && Trusted(authority, certificate),
                },
                cancellationToken);
            var client = new RawSpdyExecClient(tcp, tls);
            await client.UpgradeAsync(cluster, pod, command, stdin, cancellationToken);
            return client;
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>The next frame; null at the connection's end, and an OperationCanceledException when none came in time.</summary>
    public Task<SpdyFrame?> ReadAsync(CancellationToken cancellationToken) => _reader.ReadAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        await _tls.DisposeAsync();
        _tcp.Dispose();
    }

    private static bool Trusted(X509Certificate2 authority, X509Certificate certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(certificate));
    }

    private async Task UpgradeAsync(FakeCluster cluster, string pod, IReadOnlyList<string> command, bool stdin, CancellationToken cancellationToken)
    {
        var query = string.Concat(command.Select(argument => "command=" + Uri.EscapeDataString(argument) + "&")) + "stdout=true" + (stdin ? "&stdin=true" : "");
        var request =
            $"POST /api/v1/namespaces/default/pods/{pod}/exec?{query} HTTP/1.1\r\n" +
            $"Host: 127.0.0.1:{cluster.Server.Port}\r\n" +
            $"Authorization: Bearer {cluster.Token}\r\n" +
            "Connection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: v4.channel.k8s.io\r\nContent-Length: 0\r\n\r\n";
        await _tls.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);
        var head = await ReadHeadAsync(cancellationToken);
        if (!head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the server did not upgrade: " + head);
        }

        var streams = new List<(uint Id, string Type)> { (ErrorStream, "error"), (StdoutStream, "stdout") };
        if (stdin)
        {
            streams.Add((StdinStream, "stdin"));
        }

        foreach (var (id, type) in streams)
        {
            await _writer.SynStreamAsync(id, [("streamtype", type)], cancellationToken);
            var reply = await _reader.ReadAsync(cancellationToken);

            // A server that pings may do so before it replies; a client answers as it would later.
            while (reply is { IsControl: true, Type: SpdyFrameType.Ping })
            {
                await _writer.PingAsync(BinaryPrimitives.ReadUInt32BigEndian(reply.Payload), cancellationToken);
                reply = await _reader.ReadAsync(cancellationToken);
            }

            if (reply is not { IsControl: true, Type: SpdyFrameType.SynReply } || BinaryPrimitives.ReadUInt32BigEndian(reply.Payload) != id)
            {
                throw new InvalidOperationException($"no SYN_REPLY for the {type} stream");
            }
        }
    }

    // Byte by byte, so that nothing of the SPDY frames after the head is read with it.
    private async Task<string> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !head.TakeLast(4).SequenceEqual("\r\n\r\n"u8.ToArray()))
        {
            if (await _tls.ReadAsync(one, cancellationToken) == 0)
            {
                throw new EndOfStreamException("the connection ended in the response's head");
            }

            head.Add(one[0]);
        }

        return Encoding.ASCII.GetString([.. head]);
    }
}
