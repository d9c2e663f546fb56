namespace Rind.Backends;

/// <summary>
/// A command's output, read a chunk at a time into the caller's buffer with the stream each chunk belongs to.
/// </summary>
/// <remarks>
/// Reads block: output is copied on a thread of its own, where a blocking read hands each chunk over
/// without passing it from thread to thread.
/// </remarks>
internal interface IChunkReader
{
    /// <summary>Reads the next chunk, waiting for it; a chunk of length 0 means the output ended.</summary>
    /// <exception cref="RindException">The output broke off; the message says so in the backend's words.</exception>
    OutputChunk Read(Span<byte> buffer);
}
