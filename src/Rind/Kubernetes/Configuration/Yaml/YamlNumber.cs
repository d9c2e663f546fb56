namespace Rind.Kubernetes.Configuration.Yaml;

/// <summary>
/// Which unquoted values kubectl's YAML reader takes for numbers: YAML 1.1's .inf and .nan, Go's integers
/// with a base prefix, and decimal numbers, with '_' between digits left out.
/// </summary>
internal static class YamlNumber
{
    public static bool Is(string plain)
    {
        if ((Sign(plain) == 1 ? plain[1..] : plain) is ".inf" or ".Inf" or ".INF" || plain is ".nan" or ".NaN" or ".NAN")
        {
            return true;
        }

        if (plain.StartsWith('.'))
        {
            return IsDecimal(plain);
        }

        if (plain.Length == 0 || !(char.IsAsciiDigit(plain[0]) || plain[0] is '+' or '-'))
        {
            return false;
        }

        var digits = plain.Replace("_", "", StringComparison.Ordinal);
        return IsDecimal(digits) || IsPrefixed(digits);
    }

    /// <summary>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</summary>
    private static bool IsDecimal(string text)
    {
        var i = Sign(text);
        var whole = Digits(text, ref i);
        var fraction = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            fraction = Digits(text, ref i);
        }

        if (whole == 0 && fraction == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            i += i < text.Length && text[i] is '+' or '-' ? 1 : 0;
            if (Digits(text, ref i) == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>0x, 0o or 0b and their digits, signed or not.</summary>
    private static bool IsPrefixed(string text)
    {
        var i = Sign(text);
        if (text.Length - i < 3 || text[i] != '0')
        {
            return false;
        }

        var digits = text.AsSpan(i + 2);
        return text[i + 1] switch
        {
            'x' or 'X' => !digits.ContainsAnyExcept("0123456789abcdefABCDEF"),
            'o' or 'O' => !digits.ContainsAnyExcept("01234567"),
            'b' or 'B' => !digits.ContainsAnyExcept("01"),
            _ => false,
        };
    }

    private static int Sign(string text) => text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;

    private static int Digits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start;
    }
}
