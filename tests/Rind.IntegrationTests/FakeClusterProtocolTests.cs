using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Rind.IntegrationTests.Infrastructure;
using Rind.IntegrationTests.Infrastructure.Kubernetes;

namespace Rind.IntegrationTests;

/// <summary>
/// What kubectl cannot show of the fake, seen at the protocol's level with a WebSocket client of the
/// test's own: a v4 session (kubectl offers only v5), and a terminal's size on the resize channel.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class FakeClusterProtocolTests
{
    private static readonly TimeSpan SessionTimeout = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 60_000)]
    public async Task A_v4_session_runs_a_command_without_stdin_and_ends_with_the_kubelets_status_and_a_close()
    {
        await using var cluster = await FakeCluster.StartAsync(new FakeClusterOptions { V4Only = true });
        await cluster.RunPodAsync("web-7d9f");

        using var socket = await ConnectAsync(cluster, "web-7d9f", ["sh", "-c", "echo hi; echo err >&2; exit 4"], "stdout=true&stderr=true", ["v5.channel.k8s.io", "v4.channel.k8s.io"]);
        var (frames, closeStatus) = await ReadToCloseAsync(socket);

        Assert.Equal("v4.channel.k8s.io", socket.SubProtocol);
        Assert.Equal([1], frames[0]);
        Assert.Equal("hi\n", Text(frames, ExecChannel(1)));
        Assert.Equal("err\n", Text(frames, ExecChannel(2)));
        var status = JsonNode.Parse(Text(frames, ExecChannel(3)))!;
        Assert.Equal("Failure", (string?)status["status"]);
        Assert.Equal("NonZeroExitCode", (string?)status["reason"]);
        Assert.Equal("command terminated with non-zero exit code: error executing command [sh -c echo hi; echo err >&2; exit 4], exit code 4", (string?)status["message"]);
        Assert.Equal("ExitCode", (string?)status["details"]!["causes"]![0]!["reason"]);
        Assert.Equal("4", (string?)status["details"]!["causes"]![0]!["message"]);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, closeStatus);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_terminal_takes_its_size_from_the_resize_channel_before_the_input_that_follows()
    {
        await using var cluster = await FakeCluster.StartAsync();
        await cluster.RunPodAsync("web-7d9f");

        using var socket = await ConnectAsync(cluster, "web-7d9f", ["sh", "-c", "read line; stty size"], "stdin=true&stdout=true&tty=true", ["v5.channel.k8s.io"]);
        await SendAsync(socket, 4, "{\"Width\":100,\"Height\":30}"u8.ToArray());
        await SendAsync(socket, 0, "go\n"u8.ToArray());
        var (frames, _) = await ReadToCloseAsync(socket);

        Assert.Contains("30 100", Text(frames, ExecChannel(1)), StringComparison.Ordinal);
        Assert.Equal("{\"metadata\":{},\"status\":\"Success\"}", Text(frames, ExecChannel(3)));
        Assert.Equal([(100, 30)], Assert.Single(cluster.ExecRequests).Resizes);
    }

    private static Func<byte[], bool> ExecChannel(byte channel) => frame => frame.Length > 0 && frame[0] == channel;

    private static string Text(IEnumerable<byte[]> frames, Func<byte[], bool> onChannel) =>
        Encoding.UTF8.GetString([.. frames.Where(onChannel).SelectMany(frame => frame.Skip(1))]);

    private static async Task<ClientWebSocket> ConnectAsync(FakeCluster cluster, string pod, string[] command, string streams, string[] protocols)
    {
        var socket = new ClientWebSocket();
        foreach (var protocol in protocols)
        {
            socket.Options.AddSubProtocol(protocol);
        }

        socket.Options.SetRequestHeader("Authorization", "Bearer " + cluster.Token);
        var authority = X509Certificate2.CreateFromPem(cluster.CaPem);
        socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(certificate));
        };
        var arguments = string.Concat(command.Select(argument => "command=" + Uri.EscapeDataString(argument) + "&"));
        var address = new Uri(cluster.Server.ToString().Replace("https://", "wss://", StringComparison.Ordinal) +
            $"api/v1/namespaces/default/pods/{pod}/exec?{arguments}{streams}");
        using var deadline = new CancellationTokenSource(SessionTimeout);
        await socket.ConnectAsync(address, deadline.Token);
        return socket;
    }

    private static async Task SendAsync(ClientWebSocket socket, byte channel, byte[] data) =>
        await socket.SendAsync((byte[])[channel, .. data], WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

    /// <summary>Every message until the server's close, which it answers.</summary>
    private static async Task<(List<byte[]> Frames, WebSocketCloseStatus? Status)> ReadToCloseAsync(ClientWebSocket socket)
    {
        using var deadline = new CancellationTokenSource(SessionTimeout);
        var frames = new List<byte[]>();
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, deadline.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, deadline.Token);
                return (frames, result.CloseStatus);
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                frames.Add(message.ToArray());
                message.SetLength(0);
            }
        }
    }
}
