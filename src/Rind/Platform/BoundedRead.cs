namespace Rind.Platform;

/// <summary>Reads a stream to its end, but never more than a limit: what a file or another process says is not trusted to be small.</summary>
internal static class BoundedRead
{
    private const int ChunkSize = 64 * 1024;

    /// <returns>Every byte of the stream, or null as soon as there are more than <paramref name="maxBytes"/>, without reading on.</returns>
    public static byte[]? AtMost(Stream stream, int maxBytes)
    {
        using var content = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (content.Length + read > maxBytes)
            {
                return null;
            }

            content.Write(chunk, 0, read);
        }

        return content.ToArray();
    }
}
