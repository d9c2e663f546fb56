namespace Rind.Backends;

/// <summary>
/// A chunk of a command's output, read into the caller's buffer; <see cref="Length"/> 0 marks the end.
/// </summary>
internal readonly record struct OutputChunk(StreamKind Kind, int Length)
{
    public bool IsEnd => Length == 0;
}
