namespace Rind.Streams;

/// <summary>
/// A piece of one frame's payload, read into the caller's buffer; <see cref="Length"/> 0 marks the end.
/// </summary>
internal readonly record struct MultiplexedChunk(StreamKind Kind, int Length)
{
    public bool IsEnd => Length == 0;
}
