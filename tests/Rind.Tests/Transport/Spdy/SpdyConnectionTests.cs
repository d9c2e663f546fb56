using System.Text;
using Rind.Transport.Spdy;
using static Rind.Tests.Transport.Spdy.SpdyServerBytes;

namespace Rind.Tests.Transport.Spdy;

public sealed class SpdyConnectionTests
{
    // Two header blocks in one zlib stream with the SPDY dictionary, each ended by a sync flush, as zlib
    // compresses them: the first takes "content-type" and "text/plain" from the dictionary, the second takes
    // "streamtype: stdout" from the first.
    private const string CompressedFirst = "78f9e3c6a7c202e50e703a2b294a4dcc851625c0149b920f2e88d10b192e84eb00000000ffff";
    private const string CompressedSecond = "22a093ad42373b332f05920f81a6a400000000ffff";

    // {streamtype: error} as rind's first block, which zlib with the SPDY dictionary reads back as it is.
    private const string StoredFirst = "78bbe3c6a7c2001b00e4ff000000010000000a73747265616d74797065000000056572726f72";

    [Fact]
    public void The_dictionary_is_the_one_whose_adler32_peers_name()
    {
        var bytes = SpdyHeaderDictionary.Bytes;

        Assert.Equal(1423, bytes.Length);
        Assert.Equal(SpdyHeaderDictionary.Id, Adler32(bytes));
    }

    [Fact]
    public void Replies_decompress_in_one_context_for_the_whole_connection()
    {
        var (client, _) = Client(SynReply(1, Hex(CompressedFirst)), SynReply(3, Hex(CompressedSecond), fin: true));

        var first = client.Receive();
        var second = client.Receive();

        Assert.Equal((SpdyReceivedKind.Reply, 1, false), (first.Kind, first.StreamId, first.IsFin));
        Assert.Equal((SpdyReceivedKind.Reply, 3, true), (second.Kind, second.StreamId, second.IsFin));
        Assert.Equal(SpdyReceivedKind.End, client.Receive().Kind);
    }

    [Fact]
    public void Opened_streams_carry_their_headers_as_stored_blocks_with_odd_rising_ids()
    {
        var (client, stream) = Client();

        var error = client.OpenStream([new("streamtype", "error")]);
        var stdin = client.OpenStream([new("StreamType", "stdin")]);

        Assert.Equal((1, 3), (error, stdin));
        var frames = ClientFrames(stream);
        Assert.All(frames, frame => Assert.Equal((true, 3, SpdyFrameType.SynStream), (frame.Head.IsControl, frame.Head.Version, frame.Head.Type)));
        Assert.Equal([1, 3], frames.Select(frame => frame.PayloadStream));
        Assert.Equal(Hex(StoredFirst), frames[0].Payload[10..]);
        Assert.Equal(StoredBlock(first: false, ("streamtype", "stdin")), frames[1].Payload[10..]);
    }

    [Fact]
    public void Data_is_read_in_pieces_of_the_callers_buffer_and_the_rest_of_a_frame_is_skipped_at_the_next_receive()
    {
        var (client, _) = Client(Data(5, Encoding.ASCII.GetBytes("hello world")), Data(7, Encoding.ASCII.GetBytes("next"), fin: true));
        var buffer = new byte[5];

        var data = client.Receive();
        var read = client.ReadData(buffer);
        var next = client.Receive();

        Assert.Equal((SpdyReceivedKind.Data, 5, 11, false), (data.Kind, data.StreamId, data.Length, data.IsFin));
        Assert.Equal("hello", Encoding.ASCII.GetString(buffer, 0, read));
        Assert.Equal((SpdyReceivedKind.Data, 7, 4, true), (next.Kind, next.StreamId, next.Length, next.IsFin));
    }

    [Fact]
    public void The_servers_pings_are_answered_with_their_id_and_answers_to_rinds_are_not()
    {
        var (client, stream) = Client(Ping(2), Ping(1));

        client.Receive();

        var answer = Assert.Single(ClientFrames(stream));
        Assert.Equal(SpdyFrameType.Ping, answer.Head.Type);
        Assert.Equal(2, answer.PayloadStream);
    }

    [Fact]
    public void Rinds_pings_have_odd_ids()
    {
        var (client, stream) = Client();

        client.Ping();
        client.Ping();

        Assert.Equal([1, 3], ClientFrames(stream).Select(frame => frame.PayloadStream));
    }

    [Fact]
    public void Without_a_sign_that_the_server_keeps_windows_input_goes_out_whole_in_frames_of_the_size_asked()
    {
        var (client, stream) = Client();
        var id = client.OpenStream([new("streamtype", "stdin")]);

        client.Send(id, new byte[200_000], maxFrame: 32 * 1024);
        client.Finish(id);

        var data = ClientFrames(stream).Where(frame => !frame.Head.IsControl).ToList();
        Assert.Equal(200_000, data.Sum(frame => frame.Payload.Length));
        Assert.All(data, frame => Assert.True(frame.Payload.Length <= 32 * 1024));
        Assert.True(data[^1].Head.IsFin && data[^1].Payload.Length == 0);
    }

    [Fact(Timeout = 10_000)]
    public async Task Once_the_server_keeps_windows_input_waits_for_its_grant()
    {
        var (client, stream) = Client(InitialWindow(10), Data(2, [1]), WindowUpdate(1, 15));
        var id = client.OpenStream([new("streamtype", "stdin")]);
        client.Receive();

        var sending = Task.Run(() => client.Send(id, new byte[25], maxFrame: 1024));
        await Task.Delay(200);
        var beforeGrant = SentData(stream);
        client.Receive();
        await sending;

        Assert.Equal(10, beforeGrant);
        Assert.Equal(25, SentData(stream));
    }

    [Fact]
    public void Read_data_is_granted_back_once_half_a_window_was_read_when_the_server_keeps_windows()
    {
        var (client, stream) = Client(InitialWindow(65536), Data(1, new byte[40_000]));
        var owed = 0;
        client.GrantsOwed = () => owed++;
        client.Receive();

        client.Consumed(1, 40_000);
        client.TakeGrants();

        Assert.Equal(1, owed);
        var grants = ClientFrames(stream).Where(frame => frame.Head.Type == SpdyFrameType.WindowUpdate).Select(frame => (frame.PayloadStream, frame.PayloadNumber));
        Assert.Equal([(1, 40_000), (0, 40_000)], grants);
    }

    [Fact]
    public void A_server_that_keeps_no_windows_is_sent_no_grants()
    {
        var (client, stream) = Client(Data(1, new byte[40_000]));
        client.Receive();

        client.Consumed(1, 40_000);
        client.TakeGrants();

        Assert.Empty(ClientFrames(stream));
    }

    [Fact]
    public void A_reset_is_reported_with_its_status_and_a_stream_the_server_opens_is_refused()
    {
        var serverStream = Control(SpdyFrameType.SynStream, 0, [.. Number(2), .. Number(0), 0, 0, .. StoredBlock(first: true, ("streamtype", "data"))]);
        var (client, stream) = Client(serverStream, RstStream(3, 5));

        var reset = client.Receive();

        Assert.Equal((SpdyReceivedKind.Reset, 3, 5), (reset.Kind, reset.StreamId, reset.Status));
        var refusal = Assert.Single(ClientFrames(stream));
        Assert.Equal((SpdyFrameType.RstStream, 2, 3), (refusal.Head.Type, refusal.PayloadStream, refusal.PayloadNumber));
    }

    [Fact]
    public void A_connection_that_ends_inside_a_frame_is_broken()
    {
        var (client, _) = Client(Data(1, new byte[10])[..12]);

        client.Receive();

        Assert.Throws<IOException>(() => client.Receive());
    }

    [Fact]
    public void A_control_frame_of_another_spdy_version_is_refused()
    {
        var frame = Ping(2);
        frame[1] = 2;
        var (client, _) = Client(frame);

        var failure = Assert.Throws<InvalidDataException>(() => client.Receive());

        Assert.Equal("the server sent a frame of SPDY version 2, not 3", failure.Message);
    }

    [Fact]
    public void A_header_block_that_is_no_zlib_stream_is_refused()
    {
        var (client, _) = Client(SynReply(1, [0x00, 0x01, 0x02, 0x03]));

        Assert.Throws<InvalidDataException>(() => client.Receive());
    }

    [Fact]
    public void A_header_block_cut_short_is_refused()
    {
        var block = StoredBlock(first: true, ("streamtype", "stdout"));
        var (client, _) = Client(SynReply(1, block[..^3]));

        Assert.Throws<InvalidDataException>(() => client.Receive());
    }

    private static int SentData(Rind.Tests.Transport.Http.ScriptedConnectionStream stream) =>
        ClientFrames(stream).Where(frame => !frame.Head.IsControl).Sum(frame => frame.Payload.Length);

    private static uint Adler32(byte[] bytes)
    {
        uint a = 1, b = 0;
        foreach (var value in bytes)
        {
            a = (a + value) % 65521;
            b = (b + a) % 65521;
        }

        return (b << 16) | a;
    }
}
