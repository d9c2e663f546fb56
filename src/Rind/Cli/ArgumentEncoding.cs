using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Rind.Diagnostics;

namespace Rind.Cli;

/// <summary>
/// Refuses arguments, and values -e KEY takes from rind's environment, that are not valid UTF-8. .NET
/// decodes both as UTF-8 and puts U+FFFD for bytes that are not, and the engine's API is JSON, which
/// holds text only: such a value would reach the command changed. A valid value may hold U+FFFD too,
/// so only a value that does is compared with the bytes rind was given, and a start costs nothing.
/// </summary>
internal static class ArgumentEncoding
{
    private const char Replacement = '\uFFFD';

    private const string Consequence = "the engine passes on only UTF-8 text, and would change it";

    /// <param name="readBytes">rind's arguments as the bytes it was given, or null when they cannot be read.</param>
    /// <exception cref="RindException">An argument is not valid UTF-8, or holds U+FFFD and its bytes cannot be read.</exception>
    public static void CheckArguments(IReadOnlyList<string> args, Func<IReadOnlyList<byte[]>?> readBytes)
    {
        if (!args.Any(arg => arg.Contains(Replacement, StringComparison.Ordinal)))
        {
            return;
        }

        var bytes = readBytes();
        for (var index = 0; index < args.Count; index++)
        {
            if (!args[index].Contains(Replacement, StringComparison.Ordinal))
            {
                continue;
            }

            var name = string.Create(CultureInfo.InvariantCulture, $"argument {index + 1}");
            Check(name, bytes is not null && bytes.Count == args.Count ? bytes[index] : null);
        }
    }

    /// <param name="value">The variable's value as .NET decoded it.</param>
    /// <param name="readBytes">The variable's value as the bytes rind was given, or null when it cannot be read.</param>
    /// <returns><paramref name="value"/>, once it is known to be what rind was given.</returns>
    /// <exception cref="RindException">The value is not valid UTF-8, or holds U+FFFD and its bytes cannot be read.</exception>
    public static string? CheckVariable(string name, string? value, Func<string, byte[]?> readBytes)
    {
        if (value is not null && value.Contains(Replacement, StringComparison.Ordinal))
        {
            Check($"the value of {UntrustedText.Show(name)} for -e {UntrustedText.Show(name)}", readBytes(name));
        }

        return value;
    }

    private static void Check(string what, byte[]? bytes)
    {
        if (bytes is null)
        {
            throw new RindException(
                $"{what} holds U+FFFD, which stands for bytes that are not UTF-8, and rind cannot read the bytes it was given to tell; {Consequence}");
        }

        if (!Utf8.IsValid(bytes))
        {
            throw new RindException($"{what}, \"{Show(bytes)}\", is not valid UTF-8; {Consequence}");
        }
    }

    /// <summary>The text, with each byte that is not part of valid UTF-8 as \xNN and control characters as escapes.</summary>
    private static string Show(ReadOnlySpan<byte> bytes)
    {
        var shown = new StringBuilder(bytes.Length + 8);
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) == OperationStatus.Done)
            {
                shown.Append(rune.ToString());
            }
            else
            {
                foreach (var invalid in bytes[..consumed])
                {
                    shown.Append(CultureInfo.InvariantCulture, $@"\x{invalid:x2}");
                }
            }

            bytes = bytes[consumed..];
        }

        return UntrustedText.Show(shown.ToString());
    }
}
