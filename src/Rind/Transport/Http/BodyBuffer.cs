namespace Rind.Transport.Http;

/// <summary>
/// Collects a response's body in pieces that grow with it up to a fixed size. A growing array would copy
/// itself at each doubling and leave the old copies to the collector: twice the memory, and more, for a
/// large answer. Small answers, the usual ones, take one small piece.
/// </summary>
internal sealed class BodyBuffer
{
    private const int SmallestPiece = 16 * 1024;
    private const int LargestPiece = 1024 * 1024;

    private readonly List<byte[]> _pieces = [];
    private int _lastUsed;

    public long Length { get; private set; }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_pieces.Count == 0 || _lastUsed == _pieces[^1].Length)
            {
                _pieces.Add(new byte[Math.Clamp(Length, SmallestPiece, LargestPiece)]);
                _lastUsed = 0;
            }

            var take = Math.Min(bytes.Length, _pieces[^1].Length - _lastUsed);
            bytes[..take].CopyTo(_pieces[^1].AsSpan(_lastUsed));
            _lastUsed += take;
            Length += take;
            bytes = bytes[take..];
        }
    }

    public byte[] ToArray()
    {
        var whole = new byte[Length];
        var offset = 0;
        foreach (var piece in _pieces)
        {
            var take = (int)Math.Min(piece.Length, Length - offset);
            piece.AsSpan(0, take).CopyTo(whole.AsSpan(offset));
            offset += take;
        }

        return whole;
    }
}
