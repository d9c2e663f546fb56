using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace Rind.Kubernetes.Configuration;

/// <summary>
/// A kubeconfig file's bytes as text, in the encodings kubectl reads: UTF-8, with or without a byte order
/// mark, and UTF-16 with one (what Windows PowerShell's <c>&gt;</c> writes).
/// </summary>
internal static class KubeconfigText
{
    /// <exception cref="RindException">The bytes are not text in those encodings, said in one line with the line.</exception>
    public static string Decode(byte[] content, string file) => content switch
    {
        [0xFF, 0xFE, ..] => FromUtf16(content, bigEndian: false, file),
        [0xFE, 0xFF, ..] => FromUtf16(content, bigEndian: true, file),
        [0xEF, 0xBB, 0xBF, ..] => FromUtf8(content.AsSpan(3), file),
        _ => FromUtf8(content, file),
    };

    private static string FromUtf8(ReadOnlySpan<byte> content, string file)
    {
        var text = new char[content.Length];
        if (Utf8.ToUtf16(content, text, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            throw Failure(file, "UTF-8", text.AsSpan(0, written));
        }

        return new string(text.AsSpan(0, written));
    }

    /// <summary>Half a surrogate pair is left for the YAML reader to refuse, with its line.</summary>
    private static string FromUtf16(byte[] content, bool bigEndian, string file)
    {
        var text = new char[(content.Length - 2) / 2];
        for (var i = 0; i < text.Length; i++)
        {
            var (high, low) = bigEndian ? (content[2 + (2 * i)], content[3 + (2 * i)]) : (content[3 + (2 * i)], content[2 + (2 * i)]);
            text[i] = (char)((high << 8) | low);
        }

        return content.Length % 2 == 0 ? new string(text) : throw Failure(file, "UTF-16", text);
    }

    private static RindException Failure(string file, string encoding, ReadOnlySpan<char> before) =>
        new(string.Create(CultureInfo.InvariantCulture, $"cannot read the kubeconfig {file}: it is not {encoding} text at line {before.Count('\n') + 1}"));
}
