namespace Rind.Backends;

/// <summary>
/// A command's output, read a piece at a time into the caller's buffer with the stream each piece belongs to.
/// </summary>
/// <remarks>
/// Reads block: output is copied on a thread of its own, where a blocking read hands each piece over
/// without passing it from thread to thread.
/// </remarks>
internal interface IChunkReader
{
    /// <summary>Reads the next piece, waiting for it; a chunk of length 0 means the output ended.</summary>
    OutputChunk Read(Span<byte> buffer);
}
