namespace Rind.Streams;

/// <summary>
/// A command's output, read a piece at a time into the caller's buffer with the stream each piece belongs to.
/// </summary>
internal interface IChunkReader
{
    /// <summary>Reads the next piece; a chunk of length 0 means the output ended.</summary>
    ValueTask<MultiplexedChunk> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);
}
