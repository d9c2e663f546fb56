namespace Rind.Engine.Transport;

/// <summary>
/// One open connection to the engine: a byte stream both ways, and a way to end the sending half
/// alone, which is how a command learns that its stdin has ended while its output still arrives.
/// </summary>
internal sealed class EngineConnection(Stream stream, Func<ValueTask> closeWrite)
{
    public Stream Stream { get; } = stream;

    public ValueTask CloseWriteAsync() => closeWrite();
}
