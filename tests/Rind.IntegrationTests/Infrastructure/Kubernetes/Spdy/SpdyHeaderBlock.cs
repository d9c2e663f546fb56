using System.Buffers.Binary;
using System.Text;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes.Spdy;

/// <summary>
/// SPDY/3's name/value header block, before compression: a count, then each name and value with
/// its length, all as four bytes; several values of one name are joined by NUL.
/// </summary>
internal static class SpdyHeaderBlock
{
    public static byte[] Encode(IReadOnlyList<(string Name, string Value)> headers)
    {
        using var block = new MemoryStream();
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)headers.Count);
        block.Write(number);
        foreach (var (name, value) in headers)
        {
            foreach (var text in new[] { name, value })
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                BinaryPrimitives.WriteUInt32BigEndian(number, (uint)bytes.Length);
                block.Write(number);
                block.Write(bytes);
            }
        }

        return block.ToArray();
    }

    /// <summary>The headers by name (lowercase, as SPDY sends them), each with its values in order.</summary>
    public static Dictionary<string, List<string>> Decode(ReadOnlySpan<byte> block)
    {
        var headers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var count = BinaryPrimitives.ReadUInt32BigEndian(block);
        var position = 4;
        for (var i = 0u; i < count; i++)
        {
            var name = Text(block, ref position);
            var value = Text(block, ref position);
            if (!headers.TryGetValue(name, out var values))
            {
                values = [];
                headers[name] = values;
            }

            values.AddRange(value.Split('\0'));
        }

        return headers;
    }

    private static string Text(ReadOnlySpan<byte> block, ref int position)
    {
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(block[position..]);
        var text = Encoding.UTF8.GetString(block.Slice(position + 4, length));
        position += 4 + length;
        return text;
    }
}
