using System.Net.WebSockets;
using Rind.Tests.Kubernetes;
using Rind.Tests.Transport.Http;
using Rind.Transport.WebSockets;
using static Rind.Tests.Transport.WebSockets.ServerBytes;

namespace Rind.Tests.Transport.WebSockets;

/// <summary>Sending with rind's WebSocket client: whole frames, masked, one at a time.</summary>
public sealed class WebSocketFrameWriterTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    public void A_message_goes_as_one_final_binary_frame_masked_with_its_length_in_the_shortest_form(int length)
    {
        var stream = new ScriptedConnectionStream("");
        var payload = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();

        new WebSocketFrameWriter(stream).Send(WebSocketOpcode.Binary, payload);

        var frame = Assert.Single(ClientFrames(stream));
        Assert.Equal(WebSocketOpcode.Binary, frame.Opcode);
        Assert.True(frame.Fin);
        Assert.Equal(payload, frame.Payload);
        var headLength = length < 126 ? 2 : length <= 65_535 ? 4 : 10;
        Assert.Equal(headLength + 4 + length, stream.Written.Length);
    }

    [Fact]
    public void Each_frame_has_a_fresh_mask()
    {
        var stream = new ScriptedConnectionStream("");
        var writer = new WebSocketFrameWriter(stream);

        for (var i = 0; i < 4; i++)
        {
            writer.Send(WebSocketOpcode.Binary, "same"u8);
        }

        Assert.True(ClientFrames(stream).Select(frame => Convert.ToHexString(frame.Mask)).Distinct().Count() > 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(21)]
    public void Masking_is_the_xor_with_the_key_repeated_whatever_the_length(int length)
    {
        byte[] key = [0x12, 0x34, 0x56, 0x78];
        var data = Enumerable.Range(0, length).Select(i => (byte)(i * 31)).ToArray();
        var expected = data.Select((value, i) => (byte)(value ^ key[i % 4])).ToArray();

        WebSocketFrameWriter.Mask(data, key);

        Assert.Equal(expected, data);
    }

    [Fact]
    public void Nothing_is_sent_after_a_close()
    {
        var stream = new ScriptedConnectionStream("");
        var writer = new WebSocketFrameWriter(stream);
        writer.Send(WebSocketOpcode.Close, [0x03, 0xE8]);

        Assert.Throws<IOException>(() => writer.Send(WebSocketOpcode.Binary, "x"u8));
        Assert.Single(ClientFrames(stream));
    }

    [Fact(Timeout = 20_000)]
    public async Task Sends_from_two_threads_never_interleave_their_frames()
    {
        const int PerThread = 300;
        using var pair = WebSocketPair.Open("v5.channel.k8s.io");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var receiving = Task.Run(async () =>
        {
            var messages = new List<byte[]>();
            while (messages.Count < 2 * PerThread)
            {
                messages.Add(await pair.ReceiveAsync(timeout.Token));
            }

            return messages;
        });

        var senders = new[] { (byte)'a', (byte)'b' }.Select(fill => new Thread(() =>
        {
            var payload = Enumerable.Repeat(fill, 3000).ToArray();
            for (var i = 0; i < PerThread; i++)
            {
                pair.Client.Send(payload);
            }
        })).ToList();
        senders.ForEach(sender => sender.Start());
        senders.ForEach(sender => sender.Join());
        var messages = await receiving;

        Assert.All(messages, message => Assert.True(message.Length == 3000 && message.All(value => value == message[0])));
        Assert.Equal(PerThread, messages.Count(message => message[0] == 'a'));
        Assert.Equal(WebSocketState.Open, pair.Server.State);
    }
}
