using System.Text;
using Rind.Transport.WebSockets;
using static Rind.Tests.Transport.WebSockets.ServerBytes;

namespace Rind.Tests.Transport.WebSockets;

/// <summary>Receiving with rind's WebSocket client, the server's frames built by hand.</summary>
public sealed class WebSocketConnectionTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_binary_frame_is_received_whole_and_ends_its_message(bool trickle)
    {
        var (client, _) = Client(Frame(WebSocketOpcode.Binary, Text("abc")), trickle);

        var (pieces, ends) = ReceiveMessage(client, bufferSize: 16);

        Assert.Equal("abc", pieces);
        Assert.True(ends);
    }

    [Fact]
    public void A_message_in_fragments_arrives_in_pieces_and_ends_with_its_last_frame()
    {
        var (client, _) = Client([
            .. Frame(WebSocketOpcode.Binary, Text("ab"), fin: false),
            .. Frame(WebSocketOpcode.Continuation, Text("c"), fin: false),
            .. Frame(WebSocketOpcode.Continuation, Text("d")),
        ]);
        var buffer = new byte[16];

        var first = client.Receive(buffer);
        var second = client.Receive(buffer);
        var third = client.Receive(buffer);

        Assert.Equal((2, false), (first.Count, first.EndOfMessage));
        Assert.Equal((1, false), (second.Count, second.EndOfMessage));
        Assert.Equal((1, true), (third.Count, third.EndOfMessage));
        Assert.Equal((byte)'d', buffer[0]);
    }

    [Fact]
    public void A_frame_larger_than_the_buffer_is_handed_out_in_pieces_the_last_ending_the_message()
    {
        var (client, _) = Client(Frame(WebSocketOpcode.Binary, Text("0123456789")));
        var buffer = new byte[4];

        var pieces = Enumerable.Range(0, 3).Select(_ => client.Receive(buffer)).ToList();

        Assert.Equal([4, 4, 2], pieces.Select(piece => piece.Count));
        Assert.Equal([false, false, true], pieces.Select(piece => piece.EndOfMessage));
    }

    [Theory]
    [InlineData(300, 16)]
    [InlineData(70_000, 64)]
    [InlineData(5, 64)]
    public void Lengths_of_16_and_64_bits_are_read(int length, int lengthForm)
    {
        var payload = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        var (client, _) = Client(Frame(WebSocketOpcode.Binary, payload, lengthForm: lengthForm));

        var received = ReceiveBytes(client);

        Assert.Equal(payload, received);
    }

    [Fact]
    public void A_text_frame_is_received_as_bytes_like_a_binary_one()
    {
        var (client, _) = Client(Frame(WebSocketOpcode.Text, Text("hé")));

        Assert.Equal("hé", Encoding.UTF8.GetString(ReceiveBytes(client)));
    }

    [Fact]
    public void An_empty_frame_is_an_empty_piece_that_ends_its_message()
    {
        var (client, _) = Client(Frame(WebSocketOpcode.Binary, []));

        var received = client.Receive(new byte[8]);

        Assert.Equal(new WebSocketReceived(0, EndOfMessage: true, IsClose: false), received);
    }

    [Fact]
    public void A_ping_between_fragments_is_answered_with_a_masked_pong_of_its_payload()
    {
        var (client, stream) = Client([
            .. Frame(WebSocketOpcode.Binary, Text("a"), fin: false),
            .. Frame(WebSocketOpcode.Ping, Text("hi")),
            .. Frame(WebSocketOpcode.Continuation, Text("b")),
        ]);

        var (text, _) = ReceiveMessage(client, bufferSize: 16);

        Assert.Equal("ab", text);
        var pong = Assert.Single(ClientFrames(stream));
        Assert.Equal(WebSocketOpcode.Pong, pong.Opcode);
        Assert.True(pong.Fin);
        Assert.Equal("hi", Encoding.ASCII.GetString(pong.Payload));
    }

    [Fact]
    public void A_pong_is_taken_without_an_answer()
    {
        var (client, stream) = Client([.. Frame(WebSocketOpcode.Pong, Text("x")), .. Frame(WebSocketOpcode.Binary, Text("y"))]);

        Assert.Equal("y", ReceiveMessage(client, 8).Text);
        Assert.Empty(ClientFrames(stream));
    }

    [Fact]
    public void The_servers_close_is_answered_with_its_code_and_reported_at_every_receive()
    {
        var (client, stream) = Client(Frame(WebSocketOpcode.Close, [0x03, 0xE8, .. Text("bye")]));

        var first = client.Receive(new byte[8]);
        var second = client.Receive(new byte[8]);

        Assert.True(first.IsClose);
        Assert.True(second.IsClose);
        var answer = Assert.Single(ClientFrames(stream));
        Assert.Equal(WebSocketOpcode.Close, answer.Opcode);
        Assert.Equal(new byte[] { 0x03, 0xE8 }, answer.Payload);
    }

    [Fact]
    public void Nothing_can_be_sent_once_the_close_was_answered()
    {
        var (client, _) = Client(Frame(WebSocketOpcode.Close, []));
        client.Receive(new byte[8]);

        Assert.Throws<IOException>(() => client.Send("late"u8));
    }

    [Fact]
    public void A_frame_longer_than_accepted_is_refused_before_its_payload_is_read()
    {
        var (client, _) = Client(Frame(WebSocketOpcode.Binary, new byte[11]), maxFrameLength: 10);

        var failure = Assert.Throws<InvalidDataException>(() => client.Receive(new byte[64]));

        Assert.Contains("11 bytes, more than the 10 rind accepts", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_length_with_its_highest_bit_set_is_refused()
    {
        byte[] frame = [0x82, 127, 0x80, 0, 0, 0, 0, 0, 0, 1];
        var (client, _) = Client(frame);

        Assert.Throws<InvalidDataException>(() => client.Receive(new byte[64]));
    }

    [Theory]
    [InlineData(new byte[] { 0x82, 0x81, 1, 2, 3, 4, 5 }, "masked")]
    [InlineData(new byte[] { 0xC2, 0x01, 0x61 }, "reserved bit")]
    [InlineData(new byte[] { 0x80, 0x01, 0x61 }, "continued a WebSocket message it had not begun")]
    [InlineData(new byte[] { 0x02, 0x01, 0x61, 0x82, 0x01, 0x62 }, "before it ended the last one")]
    [InlineData(new byte[] { 0x83, 0x01, 0x61 }, "unknown kind 3")]
    [InlineData(new byte[] { 0x09, 0x00 }, "control frame")]
    public void A_frame_that_breaks_the_protocol_is_refused_in_words(byte[] frames, string words)
    {
        var (client, _) = Client(frames);

        var failure = Assert.Throws<InvalidDataException>(() => ReceiveAll(client));

        Assert.Contains(words, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_frame_longer_than_125_bytes_is_refused()
    {
        var (client, _) = Client(Frame(WebSocketOpcode.Ping, new byte[126]));

        Assert.Throws<InvalidDataException>(() => client.Receive(new byte[8]));
    }

    [Fact]
    public void A_connection_that_ends_without_a_close_is_an_io_error()
    {
        var (client, _) = Client(Frame(WebSocketOpcode.Binary, Text("x")));
        client.Receive(new byte[8]);

        var failure = Assert.Throws<IOException>(() => client.Receive(new byte[8]));

        Assert.Contains("without a close", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_that_ends_inside_a_frame_is_an_io_error()
    {
        var (client, _) = Client(Frame(WebSocketOpcode.Binary, Text("abcdef"))[..5]);

        var failure = Assert.Throws<IOException>(() => ReceiveMessage(client, 2));

        Assert.Contains("inside a frame", failure.Message, StringComparison.Ordinal);
    }

    private static (string Text, bool Ends) ReceiveMessage(WebSocketConnection client, int bufferSize)
    {
        var text = new StringBuilder();
        var buffer = new byte[bufferSize];
        while (true)
        {
            var received = client.Receive(buffer);
            text.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
            if (received.EndOfMessage)
            {
                return (text.ToString(), true);
            }
        }
    }

    private static void ReceiveAll(WebSocketConnection client)
    {
        var buffer = new byte[8];
        while (!client.Receive(buffer).IsClose)
        {
            // Until the frame that breaks the protocol.
        }
    }

    private static byte[] ReceiveBytes(WebSocketConnection client)
    {
        var bytes = new List<byte>();
        var buffer = new byte[1000];
        while (true)
        {
            var received = client.Receive(buffer);
            bytes.AddRange(buffer.AsSpan(0, received.Count));
            if (received.EndOfMessage)
            {
                return [.. bytes];
            }
        }
    }
}
