using System.Globalization;
using System.Text;

namespace Rind.Diagnostics;

/// <summary>
/// Makes text that came from an engine, a container or the network safe to print on a terminal:
/// control characters are shown as escapes instead of acting, and a value is cut to a bounded length.
/// No such value can then forge a line of rind's, move the cursor, set the title or colour the screen.
/// </summary>
internal static class UntrustedText
{
    /// <summary>The most characters of one value that reach a message.</summary>
    public const int MaxLength = 200;

    private const string Ellipsis = "…";

    /// <summary>One value, on one line: newlines too are shown as escapes.</summary>
    public static string Show(string? value, int maxLength = MaxLength) => Escape(value ?? "", keepNewlines: false, maxLength);

    /// <summary>
    /// A whole message of several lines: its newlines stay, every other control character is shown as an escape.
    /// </summary>
    public static string ShowLines(string message) => Escape(message, keepNewlines: true, int.MaxValue);

    /// <summary>Whether a value is shown without escapes and uncut, so that what is shown can be typed back.</summary>
    public static bool IsShownAsItIs(string value) => Show(value) == value;

    /// <summary>Whether the character would act on a terminal, or reorder what is shown, rather than be shown.</summary>
    public static bool IsControl(char character) =>
        character is < ' ' or '\u007f' or (>= '\u0080' and <= '\u009f')
            or '\u061c' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');

    private static string Escape(string value, bool keepNewlines, int maxLength)
    {
        if (value.Length <= maxLength && !value.AsSpan().ContainsAnyInRange('\0', '\u001f') && !ContainsOtherControl(value))
        {
            return value;
        }

        var shown = new StringBuilder(Math.Min(value.Length, maxLength) + 8);
        var taken = 0;
        foreach (var character in value)
        {
            if (taken == maxLength)
            {
                return shown.Append(Ellipsis).ToString();
            }

            taken++;
            if (!IsControl(character) || (keepNewlines && character == '\n'))
            {
                shown.Append(character);
                continue;
            }

            shown.Append(character switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                < '\u0080' => string.Create(CultureInfo.InvariantCulture, $@"\x{(int)character:x2}"),
                _ => string.Create(CultureInfo.InvariantCulture, $@"\u{(int)character:x4}"),
            });
        }

        return shown.ToString();
    }

    private static bool ContainsOtherControl(string value)
    {
        foreach (var character in value)
        {
            if (character >= '\u007f' && IsControl(character))
            {
                return true;
            }
        }

        return false;
    }
}
