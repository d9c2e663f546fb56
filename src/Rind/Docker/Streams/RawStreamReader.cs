using Rind.Backends;
namespace Rind.Docker.Streams;

/// <summary>
/// The output of a command with a terminal: the terminal merges stdout and stderr, so the engine sends
/// the bytes as they are, without frames.
/// </summary>
internal sealed class RawStreamReader(Stream source) : IChunkReader
{
    public OutputChunk Read(Span<byte> buffer) => new(StreamKind.Stdout, source.Read(buffer));
}
