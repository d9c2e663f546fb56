using System.Buffers;

namespace Rind.Platform;

/// <summary>
/// Words written for a POSIX shell to read back: a word the shell takes as it is stays plain, any
/// other is single-quoted, so that the shell reads exactly that word whatever characters it holds.
/// </summary>
internal static class ShellWord
{
    /// <summary>Characters that no POSIX shell (nor bash or zsh) gives a meaning of its own inside a word.</summary>
    private static readonly SearchValues<char> PlainCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:,+=@%");

    public static string Quote(string word) =>
        IsPlain(word) ? word : "'" + word.Replace("'", @"'\''", StringComparison.Ordinal) + "'";

    /// <summary>Whether a shell takes the word as it is.</summary>
    /// <remarks>A leading = is zsh's path expansion, so it is quoted.</remarks>
    public static bool IsPlain(string word) =>
        word.Length > 0 && !word.StartsWith('=') && !word.AsSpan().ContainsAnyExcept(PlainCharacters);
}
