using System.Text;
using Rind.Streams;
using Rind.Tests.Fakes;

namespace Rind.Tests.Streams;

public sealed class MultiplexedStreamReaderTests
{
    [Fact]
    public async Task Frames_are_returned_with_their_stream()
    {
        var reader = Reader(Frame(1, "out"), Frame(2, "err"));

        Assert.Equal([(StreamKind.Stdout, "out"), (StreamKind.Stderr, "err")], await ReadAllAsync(reader, 64));
    }

    [Fact]
    public async Task A_frame_larger_than_the_buffer_arrives_in_pieces_of_the_same_stream()
    {
        var reader = Reader(Frame(2, "abcdefgh"));

        Assert.Equal(
            [(StreamKind.Stderr, "abc"), (StreamKind.Stderr, "def"), (StreamKind.Stderr, "gh")],
            await ReadAllAsync(reader, 3));
    }

    [Fact]
    public async Task Empty_frames_are_skipped()
    {
        var reader = Reader(Frame(1, ""), Frame(1, "x"), Frame(2, ""));

        Assert.Equal([(StreamKind.Stdout, "x")], await ReadAllAsync(reader, 16));
    }

    [Fact]
    public async Task A_source_that_returns_one_byte_at_a_time_is_decoded_the_same()
    {
        var bytes = Concat(Frame(1, "hello"), Frame(2, "world"));
        var reader = new MultiplexedStreamReader(new TricklingStream(bytes));

        var chunks = await ReadAllAsync(reader, 64);

        Assert.Equal("hello", string.Concat(chunks.Where(c => c.Kind == StreamKind.Stdout).Select(c => c.Text)));
        Assert.Equal("world", string.Concat(chunks.Where(c => c.Kind == StreamKind.Stderr).Select(c => c.Text)));
    }

    [Fact]
    public async Task Binary_payloads_pass_unchanged()
    {
        var payload = new byte[70_000];
        new Random(7).NextBytes(payload);
        var reader = new MultiplexedStreamReader(new MemoryStream(Concat(Header(1, payload.Length), payload)));
        var received = new MemoryStream();
        var buffer = new byte[4096];

        for (var chunk = await reader.ReadAsync(buffer, default); !chunk.IsEnd; chunk = await reader.ReadAsync(buffer, default))
        {
            received.Write(buffer, 0, chunk.Length);
        }

        Assert.Equal(payload, received.ToArray());
    }

    [Fact]
    public async Task An_empty_stream_ends_at_once()
    {
        var reader = Reader();

        Assert.True((await reader.ReadAsync(new byte[8], default)).IsEnd);
    }

    [Fact]
    public async Task A_stream_cut_inside_a_header_is_an_error()
    {
        var reader = new MultiplexedStreamReader(new MemoryStream([1, 0, 0, 0, 0]));

        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadAsync(new byte[8], default).AsTask());
        Assert.Contains("3 bytes before the end of a frame header", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_cut_inside_a_payload_is_an_error()
    {
        var reader = new MultiplexedStreamReader(new MemoryStream(Concat(Header(1, 10), "abc"u8.ToArray())));
        var buffer = new byte[64];

        Assert.Equal(3, (await reader.ReadAsync(buffer, default)).Length);
        await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadAsync(buffer, default).AsTask());
    }

    [Fact]
    public async Task A_stream_that_is_not_multiplexed_is_an_error()
    {
        var reader = new MultiplexedStreamReader(new MemoryStream("hello world\n"u8.ToArray()));

        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadAsync(new byte[64], default).AsTask());
        Assert.Contains("not multiplexed", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_error_frame_is_reported_as_such()
    {
        var reader = Reader(Frame(3, "boom"));

        Assert.Equal([(StreamKind.SystemError, "boom")], await ReadAllAsync(reader, 64));
    }

    private static MultiplexedStreamReader Reader(params byte[][] frames) => new(new MemoryStream(Concat(frames)));

    private static async Task<List<(StreamKind Kind, string Text)>> ReadAllAsync(MultiplexedStreamReader reader, int bufferSize)
    {
        var buffer = new byte[bufferSize];
        var chunks = new List<(StreamKind, string)>();
        for (var chunk = await reader.ReadAsync(buffer, default); !chunk.IsEnd; chunk = await reader.ReadAsync(buffer, default))
        {
            chunks.Add((chunk.Kind, Encoding.UTF8.GetString(buffer, 0, chunk.Length)));
        }

        return chunks;
    }

    private static byte[] Frame(byte kind, string payload) => Frames.Frame(kind, Encoding.UTF8.GetBytes(payload));

    private static byte[] Header(byte kind, int length) => Frames.Frame(kind, new byte[length])[..8];

    private static byte[] Concat(params byte[][] parts) => Frames.Concat(parts);
}
