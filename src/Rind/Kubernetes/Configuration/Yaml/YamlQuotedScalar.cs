using System.Globalization;
using System.Text;

namespace Rind.Kubernetes.Configuration.Yaml;

/// <summary>Single- and double-quoted scalars (YAML 1.2, 7.3): escapes, and line breaks folded into spaces.</summary>
internal static class YamlQuotedScalar
{
    /// <summary>Reads the scalar that begins at the quote under the cursor, up to and past its closing quote.</summary>
    public static YamlScalar Read(YamlText text)
    {
        var line = text.Line;
        var quote = text.Current;
        text.Advance();
        var value = new StringBuilder();
        while (true)
        {
            if (text.AtEnd)
            {
                throw text.Error("a quoted value is not closed");
            }

            var character = text.Current;
            if (character == quote && quote == '\'' && text.Next == '\'')
            {
                value.Append('\'');
                text.Advance();
                text.Advance();
            }
            else if (character == quote)
            {
                text.Advance();
                return new YamlScalar(value.ToString(), Plain: false, line);
            }
            else if (character is '\n' or '\r')
            {
                Fold(text, value);
            }
            else if (character == '\\' && quote == '"')
            {
                text.Advance();
                Escape(text, value);
            }
            else
            {
                value.Append(character);
                text.Advance();
            }
        }
    }

    /// <summary>A line break in a quoted scalar: one space, or as many line feeds as empty lines follow.</summary>
    private static void Fold(YamlText text, StringBuilder value)
    {
        while (value.Length > 0 && value[^1] is ' ' or '\t')
        {
            value.Length--;
        }

        var emptyLines = 0;
        SkipLineBreak(text);
        while (true)
        {
            text.SkipSpaces();
            if (text.Current is not ('\n' or '\r'))
            {
                break;
            }

            emptyLines++;
            SkipLineBreak(text);
        }

        value.Append(emptyLines == 0 ? " " : new string('\n', emptyLines));
    }

    private static void SkipLineBreak(YamlText text)
    {
        if (text.Current == '\r')
        {
            text.Advance();
        }

        if (text.Current == '\n')
        {
            text.Advance();
        }
    }

    private static void Escape(YamlText text, StringBuilder value)
    {
        var escaped = text.Current;
        if (escaped is '\n' or '\r')
        {
            // An escaped line break joins the lines without a space.
            SkipLineBreak(text);
            text.SkipSpaces();
            return;
        }

        text.Advance();
        switch (escaped)
        {
            case '0': value.Append('\0'); break;
            case 'a': value.Append('\a'); break;
            case 'b': value.Append('\b'); break;
            case 't' or '\t': value.Append('\t'); break;
            case 'n': value.Append('\n'); break;
            case 'v': value.Append('\v'); break;
            case 'f': value.Append('\f'); break;
            case 'r': value.Append('\r'); break;
            case 'e': value.Append('\u001b'); break;
            case ' ' or '"' or '/' or '\\': value.Append(escaped); break;
            case 'N': value.Append('\u0085'); break;
            case '_': value.Append('\u00a0'); break;
            case 'L': value.Append('\u2028'); break;
            case 'P': value.Append('\u2029'); break;
            case 'x': value.Append(CodePoint(text, 2)); break;
            case 'u': value.Append(CodePoint(text, 4)); break;
            case 'U': value.Append(CodePoint(text, 8)); break;
            default: throw text.Error($"\\{escaped} is no escape of a double-quoted value");
        }
    }

    private static string CodePoint(YamlText text, int digits)
    {
        var start = text.Position;
        for (var i = 0; i < digits; i++)
        {
            if (!char.IsAsciiHexDigit(text.Current))
            {
                throw text.Error("an escape of a double-quoted value has too few hexadecimal digits");
            }

            text.Advance();
        }

        var code = int.Parse(text.Slice(start, text.Position), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return code <= 0x10FFFF && code is < 0xD800 or > 0xDFFF
            ? char.ConvertFromUtf32(code)
            : throw text.Error("an escape of a double-quoted value is no Unicode character");
    }
}
