using System.Text;
using Rind.Backends;
using Rind.Docker.Streams;
using Rind.Tests.Fakes;

namespace Rind.Tests.Docker.Streams;

public sealed class MultiplexedStreamReaderTests
{
    [Fact]
    public void Frames_are_returned_with_their_stream()
    {
        var reader = Reader(Frame(1, "out"), Frame(2, "err"));

        Assert.Equal([(StreamKind.Stdout, "out"), (StreamKind.Stderr, "err")], ReadAll(reader, 64));
    }

    [Fact]
    public void A_frame_larger_than_the_buffer_arrives_in_pieces_of_the_same_stream()
    {
        var reader = Reader(Frame(2, "abcdefgh"));

        Assert.Equal(
            [(StreamKind.Stderr, "abc"), (StreamKind.Stderr, "def"), (StreamKind.Stderr, "gh")],
            ReadAll(reader, 3));
    }

    [Fact]
    public void Empty_frames_are_skipped()
    {
        var reader = Reader(Frame(1, ""), Frame(1, "x"), Frame(2, ""));

        Assert.Equal([(StreamKind.Stdout, "x")], ReadAll(reader, 16));
    }

    [Fact]
    public void A_source_that_returns_one_byte_at_a_time_is_decoded_the_same()
    {
        var bytes = Concat(Frame(1, "hello"), Frame(2, "world"));
        var reader = new MultiplexedStreamReader(new TricklingStream(bytes));

        var chunks = ReadAll(reader, 64);

        Assert.Equal("hello", string.Concat(chunks.Where(c => c.Kind == StreamKind.Stdout).Select(c => c.Text)));
        Assert.Equal("world", string.Concat(chunks.Where(c => c.Kind == StreamKind.Stderr).Select(c => c.Text)));
    }

    [Fact]
    public void Binary_payloads_pass_unchanged()
    {
        var payload = new byte[70_000];
        new Random(7).NextBytes(payload);
        var reader = new MultiplexedStreamReader(new MemoryStream(Concat(Header(1, payload.Length), payload)));
        var received = new MemoryStream();
        var buffer = new byte[4096];

        for (var chunk = reader.Read(buffer); !chunk.IsEnd; chunk = reader.Read(buffer))
        {
            received.Write(buffer, 0, chunk.Length);
        }

        Assert.Equal(payload, received.ToArray());
    }

    [Fact]
    public void An_empty_stream_ends_at_once()
    {
        var reader = Reader();

        Assert.True(reader.Read(new byte[8]).IsEnd);
    }

    [Fact]
    public void A_stream_cut_inside_a_header_is_an_error()
    {
        var reader = new MultiplexedStreamReader(new MemoryStream([1, 0, 0, 0, 0]));

        var exception = Assert.Throws<InvalidDataException>(() => reader.Read(new byte[8]));
        Assert.Contains("3 bytes before the end of a frame header", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_cut_inside_a_payload_is_an_error()
    {
        var reader = new MultiplexedStreamReader(new MemoryStream(Concat(Header(1, 10), "abc"u8.ToArray())));
        var buffer = new byte[64];

        Assert.Equal(3, reader.Read(buffer).Length);
        Assert.Throws<InvalidDataException>(() => reader.Read(buffer));
    }

    [Fact]
    public void A_stream_that_is_not_multiplexed_is_an_error()
    {
        var reader = new MultiplexedStreamReader(new MemoryStream("hello world\n"u8.ToArray()));

        var exception = Assert.Throws<InvalidDataException>(() => reader.Read(new byte[64]));
        Assert.Contains("not multiplexed", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_engine_error_frame_is_reported_as_such()
    {
        var reader = Reader(Frame(3, "boom"));

        Assert.Equal([(StreamKind.SystemError, "boom")], ReadAll(reader, 64));
    }

    private static MultiplexedStreamReader Reader(params byte[][] frames) => new(new MemoryStream(Concat(frames)));

    private static List<(StreamKind Kind, string Text)> ReadAll(MultiplexedStreamReader reader, int bufferSize)
    {
        var buffer = new byte[bufferSize];
        var chunks = new List<(StreamKind, string)>();
        for (var chunk = reader.Read(buffer); !chunk.IsEnd; chunk = reader.Read(buffer))
        {
            chunks.Add((chunk.Kind, Encoding.UTF8.GetString(buffer, 0, chunk.Length)));
        }

        return chunks;
    }

    private static byte[] Frame(byte kind, string payload) => Frames.Frame(kind, Encoding.UTF8.GetBytes(payload));

    private static byte[] Header(byte kind, int length) => Frames.Frame(kind, new byte[length])[..8];

    private static byte[] Concat(params byte[][] parts) => Frames.Concat(parts);
}
