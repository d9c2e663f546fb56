using Rind.Engine.Transport;

namespace Rind.Engine;

/// <summary>
/// An exec's stream after the engine switched the HTTP connection to a raw one (101 UPGRADED).
/// Keeps the connection it came over, because only that can end the sending half alone, which is
/// how the command learns its stdin ended.
/// </summary>
internal sealed class HijackedExecConnection(Stream stream, EngineConnection connection) : IExecConnection
{
    public Stream Stream { get; } = stream;

    public ValueTask CloseInputAsync() => connection.CloseWriteAsync();

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
