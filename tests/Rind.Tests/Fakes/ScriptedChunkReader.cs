using System.Collections.Concurrent;
using Rind.Backends;

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

    public OutputChunk Read(Span<byte> buffer)
    {
        if (!_pieces.TryTake(out var piece, TimeSpan.FromSeconds(30)))
        {
            return new OutputChunk(StreamKind.Stdout, 0);
        }

        piece.Bytes.CopyTo(buffer);
        return new OutputChunk(piece.Kind, piece.Bytes.Length);
    }

    public void Dispose() => _pieces.Dispose();
}
