using System.Text;

namespace Rind.Kubernetes.Configuration.Yaml;

/// <summary>Literal (|) and folded (>) block scalars (YAML 1.2, 8.1), with their chomping and indentation indicators.</summary>
internal static class YamlBlockScalar
{
    /// <summary>Reads the scalar whose header is under the cursor; the cursor ends at the start of the first line after it.</summary>
    /// <param name="parentIndent">The indentation of the node that holds it: its lines are indented more.</param>
    public static YamlScalar Read(YamlText text, int parentIndent)
    {
        var line = text.Line;
        var literal = text.Current == '|';
        text.Advance();
        var chomping = ' ';
        var indicator = 0;
        while (text.Current is '+' or '-' or (>= '1' and <= '9'))
        {
            if (text.Current is '+' or '-')
            {
                chomping = text.Current;
            }
            else
            {
                indicator = text.Current - '0';
            }

            text.Advance();
        }

        text.SkipSpaces();
        if (!text.AtLineEnd)
        {
            throw text.Error("a block value's header is followed by text on its line");
        }

        text.SkipToNextLine();
        var indent = indicator > 0 ? Math.Max(parentIndent, 0) + indicator : DetectIndent(text, parentIndent);
        var lines = ReadLines(text, indent);
        var trailingEmpty = 0;
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
            trailingEmpty++;
        }

        var value = new StringBuilder(literal ? string.Join('\n', lines) : Folded(lines));
        if (lines.Count > 0 && chomping != '-')
        {
            value.Append('\n');
        }

        if (chomping == '+')
        {
            value.Append('\n', trailingEmpty);
        }

        return new YamlScalar(value.ToString(), Plain: false, line);
    }

    /// <summary>The indentation of the first line with content; a scalar not indented past its parent has none.</summary>
    private static int DetectIndent(YamlText text, int parentIndent)
    {
        var mark = text.Mark();
        var indent = int.MaxValue;
        while (!text.AtEnd)
        {
            while (text.Current == ' ')
            {
                text.Advance();
            }

            if (text.Current is not ('\n' or '\r'))
            {
                indent = text.AtEnd ? int.MaxValue : text.Column;
                break;
            }

            text.SkipToNextLine();
        }

        text.Reset(mark);
        return indent > parentIndent ? indent : int.MaxValue;
    }

    private static List<string> ReadLines(YamlText text, int indent)
    {
        var lines = new List<string>();
        while (!text.AtEnd)
        {
            var mark = text.Mark();
            while (text.Current == ' ' && text.Column < indent)
            {
                text.Advance();
            }

            if (text.Current is '\n' or '\r' || text.AtEnd)
            {
                lines.Add("");
                text.SkipToNextLine();
                continue;
            }

            if (text.Column < indent)
            {
                text.Reset(mark);
                break;
            }

            var start = text.Position;
            while (!text.AtEnd && text.Current is not ('\n' or '\r'))
            {
                text.Advance();
            }

            lines.Add(text.Slice(start, text.Position));
            text.SkipToNextLine();
        }

        return lines;
    }

    /// <summary>
    /// Folds the lines: a line break between two lines of text becomes a space, unless empty lines come between
    /// (each one a line feed) or a line is indented more than the others (its breaks are kept).
    /// </summary>
    private static string Folded(List<string> lines)
    {
        var value = new StringBuilder();
        var empty = 0;
        var previousMore = false;
        var first = true;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                empty++;
                continue;
            }

            var more = line[0] is ' ' or '\t';
            if (!first)
            {
                if (empty == 0 && !more && !previousMore)
                {
                    value.Append(' ');
                }
                else
                {
                    value.Append('\n', empty + (more || previousMore ? 1 : 0));
                }
            }
            else
            {
                value.Append('\n', empty);
            }

            value.Append(line);
            empty = 0;
            previousMore = more;
            first = false;
        }

        return value.ToString();
    }
}
