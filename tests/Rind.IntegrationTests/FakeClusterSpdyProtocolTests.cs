using System.Buffers.Binary;
using System.Text;
using Rind.IntegrationTests.Infrastructure;
using Rind.IntegrationTests.Infrastructure.Kubernetes;
using Rind.IntegrationTests.Infrastructure.Kubernetes.Spdy;

namespace Rind.IntegrationTests;

/// <summary>
/// What kubectl cannot show of the fake's SPDY, seen with a bare SPDY client of the test's own:
/// flow control (none by default, as spdystream; kept windows on request), PINGs both ways, and a
/// server that goes silent.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class FakeClusterSpdyProtocolTests
{
    private const string Pod = "web-7d9f";
    private const int Output = 200_000;
    private static readonly TimeSpan SessionTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    private static readonly string[] ManyZeros = ["head", "-c", "200000", "/dev/zero"];

    [Fact]
    public void The_header_dictionary_is_spdy_3s_by_its_adler_32()
    {
        var dictionary = SpdyHeaderDictionary.Bytes;

        uint a = 1, b = 0;
        foreach (var value in dictionary)
        {
            a = (a + value) % 65521;
            b = (b + a) % 65521;
        }

        Assert.Equal(1423, dictionary.Length);
        Assert.Equal(SpdyHeaderDictionary.Adler32, b << 16 | a);
    }

    [Fact(Timeout = 60_000)]
    public async Task Like_spdystream_the_fake_keeps_no_windows_and_sends_all_output_to_a_client_that_never_updates_one()
    {
        await using var cluster = await StartAsync(new FakeClusterOptions());
        using var deadline = new CancellationTokenSource(SessionTimeout);
        await using var client = await RawSpdyExecClient.ConnectAsync(cluster, Pod, ManyZeros, stdin: false, deadline.Token);

        var (output, status) = await ReadToGoAwayAsync(client, deadline.Token);

        Assert.Equal(Output, output);
        Assert.Equal("{\"metadata\":{},\"status\":\"Success\"}", status);
    }

    [Fact(Timeout = 60_000)]
    public async Task With_windows_kept_output_stops_at_64_KiB_until_the_client_opens_its_windows_and_then_ends()
    {
        await using var cluster = await StartAsync(new FakeClusterOptions { SpdyKeepsWindows = true });
        using var deadline = new CancellationTokenSource(SessionTimeout);
        await using var client = await RawSpdyExecClient.ConnectAsync(cluster, Pod, ManyZeros, stdin: false, deadline.Token);

        var stalled = await ReadUntilQuietAsync(client, deadline.Token);
        await client.Writer.WindowUpdateAsync(RawSpdyExecClient.StdoutStream, Output, deadline.Token);
        await client.Writer.WindowUpdateAsync(0, Output, deadline.Token);
        var (rest, status) = await ReadToGoAwayAsync(client, deadline.Token);

        Assert.Equal(64 * 1024, stalled);
        Assert.Equal(Output, stalled + rest);
        Assert.Equal("{\"metadata\":{},\"status\":\"Success\"}", status);
    }

    [Fact(Timeout = 60_000)]
    public async Task With_windows_kept_consumed_stdin_is_granted_back_on_its_stream_and_the_session()
    {
        await using var cluster = await StartAsync(new FakeClusterOptions { SpdyKeepsWindows = true });
        using var deadline = new CancellationTokenSource(SessionTimeout);
        await using var client = await RawSpdyExecClient.ConnectAsync(cluster, Pod, ["cat"], stdin: true, deadline.Token);

        await client.Writer.DataAsync(RawSpdyExecClient.StdinStream, new byte[1000], fin: true, deadline.Token);
        var grants = new List<(uint Stream, uint Delta)>();
        SpdyFrame? frame;
        while ((frame = await client.ReadAsync(deadline.Token)) is not null && frame is not { IsControl: true, Type: SpdyFrameType.GoAway })
        {
            if (frame is { IsControl: true, Type: SpdyFrameType.WindowUpdate })
            {
                grants.Add((BinaryPrimitives.ReadUInt32BigEndian(frame.Payload), BinaryPrimitives.ReadUInt32BigEndian(frame.Payload.AsSpan(4))));
            }
        }

        Assert.Equal([(RawSpdyExecClient.StdinStream, 1000u), (0u, 1000u)], grants);
        Assert.True(Assert.Single(cluster.ExecRequests).StdinEnded);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_fake_echoes_a_clients_ping_and_counts_the_answers_to_its_own()
    {
        await using var cluster = await StartAsync(new FakeClusterOptions { SpdyPingInterval = TimeSpan.FromMilliseconds(200) });
        using var deadline = new CancellationTokenSource(SessionTimeout);
        await using var client = await RawSpdyExecClient.ConnectAsync(cluster, Pod, ["sleep", "2"], stdin: false, deadline.Token);

        await client.Writer.PingAsync(1, deadline.Token);
        var echoed = false;
        SpdyFrame? frame;
        while ((frame = await client.ReadAsync(deadline.Token)) is not null && frame is not { IsControl: true, Type: SpdyFrameType.GoAway })
        {
            if (frame is { IsControl: true, Type: SpdyFrameType.Ping })
            {
                var id = BinaryPrimitives.ReadUInt32BigEndian(frame.Payload);
                echoed |= id == 1;
                if (id % 2 == 0)
                {
                    await client.Writer.PingAsync(id, deadline.Token);
                }
            }
        }

        var exec = Assert.Single(cluster.ExecRequests);
        Assert.True(echoed);
        Assert.Equal(1, exec.ClientPings);
        Assert.InRange(exec.ServerPingsAnswered, 3, 20);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_server_gone_silent_sends_nothing_after_the_start_answers_no_ping_and_keeps_the_connection_open()
    {
        await using var cluster = await StartAsync(new FakeClusterOptions { ExecGoesSilent = true });
        using var deadline = new CancellationTokenSource(SessionTimeout);
        await using var client = await RawSpdyExecClient.ConnectAsync(cluster, Pod, ["echo", "hi"], stdin: false, deadline.Token);

        await client.Writer.PingAsync(1, deadline.Token);
        using var quiet = new CancellationTokenSource(Quiet);
        var read = client.ReadAsync(quiet.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        Assert.Equal(0, Assert.Single(cluster.ExecRequests).ClientPings);
    }

    private static async Task<FakeCluster> StartAsync(FakeClusterOptions options)
    {
        var cluster = await FakeCluster.StartAsync(options);
        await cluster.RunPodAsync(Pod);
        return cluster;
    }

    /// <summary>Stdout's bytes until nothing came for a while.</summary>
    private static async Task<int> ReadUntilQuietAsync(RawSpdyExecClient client, CancellationToken cancellationToken)
    {
        var output = 0;
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(Quiet);
            SpdyFrame? frame;
            try
            {
                frame = await client.ReadAsync(quiet.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return output;
            }

            if (frame is { IsControl: false, StreamId: RawSpdyExecClient.StdoutStream })
            {
                output += frame.Payload.Length;
            }
        }
    }

    /// <summary>Stdout's bytes and the error stream's text until the server's GOAWAY.</summary>
    private static async Task<(int Output, string Status)> ReadToGoAwayAsync(RawSpdyExecClient client, CancellationToken cancellationToken)
    {
        var output = 0;
        var status = new StringBuilder();
        SpdyFrame? frame;
        while ((frame = await client.ReadAsync(cancellationToken)) is not null && frame is not { IsControl: true, Type: SpdyFrameType.GoAway })
        {
            switch (frame)
            {
                case { IsControl: false, StreamId: RawSpdyExecClient.StdoutStream }:
                    output += frame.Payload.Length;
                    break;
                case { IsControl: false, StreamId: RawSpdyExecClient.ErrorStream }:
                    status.Append(Encoding.UTF8.GetString(frame.Payload));
                    break;
                default:
                    break;
            }
        }

        return (output, status.ToString());
    }
}
