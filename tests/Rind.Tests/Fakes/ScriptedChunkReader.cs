using System.Collections.Concurrent;
using Rind.Streams;

namespace Rind.Tests.Fakes;

/// <summary>
/// A command's output that arrives when the test sends it: a read blocks until the next piece is
/// sent, or the test ends the output.
/// </summary>
internal sealed class ScriptedChunkReader : IChunkReader, IDisposable
{
    private readonly BlockingCollection<(StreamKind Kind, byte[] Bytes)> _pieces = [];

    public void Send(StreamKind kind, byte[] bytes) => _pieces.Add((kind, bytes));

    public void End() => _pieces.CompleteAdding();

    public MultiplexedChunk Read(Span<byte> buffer)
    {
        if (!_pieces.TryTake(out var piece, TimeSpan.FromSeconds(30)))
        {
            return new MultiplexedChunk(StreamKind.Stdout, 0);
        }

        piece.Bytes.CopyTo(buffer);
        return new MultiplexedChunk(piece.Kind, piece.Bytes.Length);
    }

    public void Dispose() => _pieces.Dispose();
}
