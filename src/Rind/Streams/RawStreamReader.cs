namespace Rind.Streams;

/// <summary>
/// The output of a command with a terminal: the terminal merges stdout and stderr, so the engine sends
/// the bytes as they are, without frames.
/// </summary>
internal sealed class RawStreamReader(Stream source) : IChunkReader
{
    public async ValueTask<MultiplexedChunk> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return new MultiplexedChunk(StreamKind.Stdout, read);
    }
}
