using Rind.Backends;

namespace Rind.Docker.Streams;

/// <summary>An exec's output from the engine, whose breaking off is told in the engine's words.</summary>
internal sealed class EngineOutputReader(IChunkReader reader) : IChunkReader
{
    public OutputChunk Read(Span<byte> buffer)
    {
        try
        {
            return reader.Read(buffer);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            throw new RindException($"the connection to the engine broke off: {exception.Message}", innerException: exception);
        }
    }
}
