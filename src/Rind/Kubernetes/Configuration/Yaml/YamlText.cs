namespace Rind.Kubernetes.Configuration.Yaml;

/// <summary>A position in a YAML text, with its line and column, and the small steps the reader takes through it.</summary>
internal sealed class YamlText(string text)
{
    private int _lineStart;

    public int Position { get; private set; }

    /// <summary>The current line, from 1.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>The current column, from 0: a line's indentation is the column of its first character.</summary>
    public int Column => Position - _lineStart;

    public bool AtEnd => Position >= text.Length;

    public char Current => AtEnd ? '\0' : text[Position];

    public char Next => Position + 1 < text.Length ? text[Position + 1] : '\0';

    /// <summary>Whether the current character ends the line's content: the end, a line break, or a comment.</summary>
    public bool AtLineEnd => AtEnd || Current is '\n' or '\r' || AtComment;

    /// <summary>Whether a comment begins here: a '#' that starts its line or follows a blank.</summary>
    public bool AtComment => Current == '#' && (Column == 0 || text[Position - 1] is ' ' or '\t');

    public static bool IsBlank(char character) => character is ' ' or '\t' or '\n' or '\r' or '\0';

    public void Advance()
    {
        if (Current == '\n')
        {
            Line++;
            _lineStart = Position + 1;
        }

        Position++;
    }

    public void SkipSpaces()
    {
        while (Current is ' ' or '\t')
        {
            Advance();
        }
    }

    /// <summary>Skips the rest of the line (a comment), and its line break.</summary>
    public void SkipToNextLine()
    {
        while (!AtEnd && Current != '\n')
        {
            Advance();
        }

        if (!AtEnd)
        {
            Advance();
        }
    }

    /// <summary>Moves to the first character of the next line with content, past blank and comment lines.</summary>
    /// <param name="stopAtComment">Whether to stop at a comment line instead, as a value that spans lines must.</param>
    /// <exception cref="YamlSyntaxException">A line is indented with a tab, which YAML does not allow.</exception>
    public void SkipToContent(bool stopAtComment = false)
    {
        while (!AtEnd)
        {
            while (Current == ' ')
            {
                Advance();
            }

            if (Current == '\t' && Column == 0)
            {
                throw Error("a line is indented with a tab");
            }

            SkipSpaces();
            if (!AtLineEnd || (stopAtComment && AtComment))
            {
                return;
            }

            SkipToNextLine();
        }
    }

    /// <summary>Whether the text here starts with <paramref name="word"/> at the start of a line, followed by a blank.</summary>
    public bool AtLineStartWith(string word) =>
        Column == 0 && string.CompareOrdinal(text, Position, word, 0, word.Length) == 0
        && (Position + word.Length >= text.Length || IsBlank(text[Position + word.Length]));

    public string Slice(int start, int end) => text[start..end];

    /// <summary>Where the reader is, to come back to after looking ahead.</summary>
    public (int Position, int Line, int LineStart) Mark() => (Position, Line, _lineStart);

    public void Reset((int Position, int Line, int LineStart) mark) => (Position, Line, _lineStart) = mark;

    public YamlSyntaxException Error(string message) => new(Line, Column + 1, message);
}
