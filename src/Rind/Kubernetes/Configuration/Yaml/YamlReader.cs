using System.Text;
using Rind.Diagnostics;

namespace Rind.Kubernetes.Configuration.Yaml;

/// <summary>
/// Reads the YAML of a kubeconfig as kubectl's YAML reader does: the first document, of block and flow
/// mappings and sequences (JSON included), plain, quoted and block scalars, comments, anchors, aliases and
/// merge keys (&lt;&lt;); a key repeated in a mapping takes its last value. What kubeconfigs do not use is
/// refused in words rather than misread: tags and complex keys.
/// </summary>
internal sealed class YamlReader
{
    /// <summary>
    /// The most nodes aliases may add to a document: far more than a kubeconfig's, and few enough that
    /// aliases of aliases cannot grow a small file into an endless one.
    /// </summary>
    public const int MaxAliasNodes = 1_000_000;

    private readonly YamlText _text;
    private readonly Dictionary<string, (YamlNode Node, int Size)> _anchors = new(StringComparer.Ordinal);

    /// <summary>The nodes read so far, those aliases add included: an anchored node's size is what it added.</summary>
    private int _nodes;

    private int _aliasNodes;

    private YamlReader(string text) => _text = new YamlText(text);

    /// <returns>The first document's root; null for an empty document.</returns>
    /// <exception cref="YamlSyntaxException">The text is not YAML, or YAML rind does not read.</exception>
    public static YamlNode? Read(string text)
    {
        RefuseControlCharacters(text);
        return new YamlReader(text).Document();
    }

    /// <summary>YAML allows no control characters but tab and line breaks, nor half a surrogate pair.</summary>
    private static void RefuseControlCharacters(string text)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            if (character == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (char.IsHighSurrogate(character) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if ((character < ' ' && character is not ('\t' or '\r')) || character is (>= '\u007f' and <= '\u009f') || char.IsSurrogate(character))
            {
                var hint = character == '\0' ? " (is the file UTF-16 without a byte order mark?)" : "";
                throw new YamlSyntaxException(line, i - lineStart + 1, $"the character U+{(int)character:X4} is not allowed in YAML{hint}");
            }
        }
    }

    private YamlNode? Document()
    {
        _text.SkipToContent();
        Directives();
        if (_text.AtLineStartWith("---"))
        {
            Skip(3);
            _text.SkipToContent();
        }

        YamlNode? root = null;
        if (!_text.AtEnd && !AtDocumentMarker())
        {
            root = Node(parentIndent: -1, sameLineAsKey: false);
            _text.SkipToContent();
        }

        // kubectl reads the first document alone: what follows its end is not read.
        return _text.AtEnd || AtDocumentMarker() ? root : throw _text.Error("this line is indented less than its mapping or list, or is not YAML");
    }

    /// <summary>Passes over the directives before a document: YAML 1.1 alone, as kubectl reads no other version.</summary>
    private void Directives()
    {
        if (_text.Current != '%' || _text.Column != 0)
        {
            return;
        }

        while (_text.Current == '%' && _text.Column == 0)
        {
            var start = _text.Position;
            while (!_text.AtLineEnd)
            {
                _text.Advance();
            }

            var words = _text.Slice(start, _text.Position).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words[0] == "%YAML" && (words.Length < 2 || words[1] != "1.1"))
            {
                throw new YamlSyntaxException(_text.Line, 1, $"YAML {UntrustedText.Show(words.ElementAtOrDefault(1), 20)} is not read by rind or kubectl; only YAML 1.1 is");
            }

            _text.SkipToContent();
        }

        if (!_text.AtLineStartWith("---"))
        {
            throw _text.Error("a document start (---) must follow the directives");
        }
    }

    /// <summary>The node that begins under the cursor.</summary>
    /// <param name="parentIndent">The indentation of the mapping or list that holds it (-1 for the document).</param>
    /// <param name="sameLineAsKey">Whether it follows its key on the key's line, where no mapping or list may begin.</param>
    private YamlNode Node(int parentIndent, bool sameLineAsKey)
    {
        if (_text.Current != '&')
        {
            return Content(parentIndent, sameLineAsKey, anchor: null);
        }

        var anchor = Name();
        _text.SkipSpaces();
        if (!_text.AtLineEnd)
        {
            return Content(parentIndent, sameLineAsKey, anchor);
        }

        var before = _nodes;
        return Anchor(anchor, Below(parentIndent, inMapping: sameLineAsKey), before);
    }

    /// <summary>The node under the cursor, past its anchor if it has one.</summary>
    /// <param name="anchor">The anchor before it on its line; before a mapping's first key, the key's.</param>
    private YamlNode Content(int parentIndent, bool sameLineAsKey, string? anchor)
    {
        var before = _nodes++;
        RefuseUnread();
        YamlNode node;
        switch (_text.Current)
        {
            case '*':
                node = Alias();
                EndOfLine("an alias");
                break;
            case '|' or '>':
                node = YamlBlockScalar.Read(_text, parentIndent);
                break;
            case '{' or '[':
                node = FlowNode();
                EndOfLine("a value in braces or brackets");
                break;
            case '-' when YamlText.IsBlank(_text.Next):
                node = sameLineAsKey
                    ? throw _text.Error("a list cannot begin on the line of its key")
                    : Sequence(_text.Column);
                break;
            default:
                var column = _text.Column;
                var scalar = _text.Current is '"' or '\'' ? YamlQuotedScalar.Read(_text) : PlainLine();
                _text.SkipSpaces();
                if (_text.Current == ':' && YamlText.IsBlank(_text.Next))
                {
                    if (sameLineAsKey)
                    {
                        throw _text.Error("a mapping cannot begin on the line of its key");
                    }

                    if (anchor is not null)
                    {
                        Anchor(anchor, scalar, _nodes);
                        anchor = null;
                    }

                    node = Mapping(column, scalar);
                }
                else if (!scalar.Plain)
                {
                    EndOfLine("a quoted value");
                    node = scalar;
                }
                else
                {
                    node = Continued(scalar, parentIndent);
                }

                break;
        }

        return anchor is null ? node : Anchor(anchor, node, before);
    }

    private YamlMapping Mapping(int indent, YamlScalar firstKey)
    {
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var key = firstKey;
        while (true)
        {
            Skip(1);
            Put(entries, key, indent, ValueAfterIndicator(indent, inMapping: true));
            _text.SkipToContent();
            if (_text.AtEnd || _text.Column < indent || AtDocumentMarker())
            {
                return new YamlMapping([.. entries], firstKey.Line);
            }

            if (_text.Column > indent)
            {
                throw _text.Error("this line is indented more than the keys of its mapping");
            }

            key = Key();
            _text.SkipSpaces();
            if (_text.Current != ':' || !YamlText.IsBlank(_text.Next))
            {
                throw _text.Error("a key followed by ':' was expected here");
            }
        }
    }

    private YamlSequence Sequence(int indent)
    {
        var items = new List<YamlNode>();
        var line = _text.Line;
        while (true)
        {
            Skip(1);
            items.Add(ValueAfterIndicator(indent, inMapping: false));
            _text.SkipToContent();
            if (_text.AtEnd || _text.Column < indent || AtDocumentMarker())
            {
                return new YamlSequence(items, line);
            }

            if (_text.Column > indent)
            {
                throw _text.Error("this line is indented more than the items of its list");
            }

            if (_text.Current != '-' || !YamlText.IsBlank(_text.Next))
            {
                // A list that is a mapping's value may stand at the mapping's indentation: its next key follows.
                return new YamlSequence(items, line);
            }
        }
    }

    /// <summary>A block mapping's key after its first, with the anchor it may have.</summary>
    private YamlScalar Key()
    {
        string? anchor = null;
        if (_text.Current == '&')
        {
            anchor = Name();
            _text.SkipSpaces();
        }

        RefuseUnread();
        if (_text.Current == '*')
        {
            throw _text.Error("an alias as a key is not read by rind");
        }

        var key = _text.Current is '"' or '\'' ? YamlQuotedScalar.Read(_text) : PlainLine();
        return anchor is null ? key : (YamlScalar)Anchor(anchor, key, _nodes);
    }

    /// <summary>
    /// Sets a key's value, a later one winning as for kubectl; a merge key (&lt;&lt;) sets the keys of the
    /// mapping it names instead, or of each mapping of a list, the first in the list winning.
    /// </summary>
    private static void Put(Dictionary<string, YamlNode> entries, YamlScalar key, int column, YamlNode value)
    {
        if (key is not { Plain: true, Value: "<<" })
        {
            entries[key.Value] = value;
            return;
        }

        IEnumerable<YamlNode> merged = value is YamlSequence sequence ? sequence.Items.Reverse() : [value];
        foreach (var item in merged)
        {
            if (item is not YamlMapping mapping)
            {
                throw new YamlSyntaxException(key.Line, column + 1, "a merge key (<<) takes a mapping or a list of mappings");
            }

            foreach (var (name, node) in mapping.Entries)
            {
                entries[name] = node;
            }
        }
    }

    /// <summary>What follows a key's ':' or an item's '-': on the same line, or on the lines below, indented more.</summary>
    private YamlNode ValueAfterIndicator(int indent, bool inMapping)
    {
        _text.SkipSpaces();
        return _text.AtLineEnd ? Below(indent, inMapping) : Node(indent, sameLineAsKey: inMapping);
    }

    /// <summary>
    /// A value on the lines below its key or item, indented more (or, for a key, a list at its column); null
    /// when none is there.
    /// </summary>
    private YamlNode Below(int indent, bool inMapping)
    {
        var line = _text.Line;
        _text.SkipToContent();
        var nested = !_text.AtEnd && !AtDocumentMarker()
            && (_text.Column > indent || (inMapping && _text.Column == indent && _text.Current == '-' && YamlText.IsBlank(_text.Next)));
        return nested ? Node(indent, sameLineAsKey: false) : new YamlScalar("", Plain: true, line);
    }

    /// <summary>A plain scalar's text on the current line: up to a ': ', a comment, or the line's end.</summary>
    private YamlScalar PlainLine()
    {
        if (_text.Current is ',' or ']' or '}' or '@' or '`' or '%' or '#' or ':')
        {
            throw _text.Error($"a value cannot begin with '{_text.Current}' unless quoted");
        }

        var line = _text.Line;
        var start = _text.Position;
        while (!_text.AtLineEnd && !(_text.Current == ':' && YamlText.IsBlank(_text.Next)))
        {
            _text.Advance();
        }

        return new YamlScalar(_text.Slice(start, _text.Position).TrimEnd(' ', '\t'), Plain: true, line);
    }

    /// <summary>A plain scalar continued on the lines below, indented more than its parent: folded into one.</summary>
    private YamlScalar Continued(YamlScalar first, int parentIndent)
    {
        EndOfLine("a value");
        var value = new StringBuilder(first.Value);

        // A comment ends the value: a line after it is not part of it.
        while (!_text.AtComment)
        {
            var mark = _text.Mark();
            var lineBefore = _text.Line;
            _text.SkipToContent(stopAtComment: true);
            if (_text.AtEnd || _text.AtComment || _text.Column <= parentIndent || AtDocumentMarker())
            {
                _text.Reset(mark);
                break;
            }

            var next = PlainLine();
            if (_text.Current == ':')
            {
                throw _text.Error("a key cannot follow a value that spans lines; is this line indented too much?");
            }

            var emptyLines = next.Line - lineBefore - 1;
            value.Append(emptyLines > 0 ? new string('\n', emptyLines) : " ").Append(next.Value);
            EndOfLine("a value");
        }

        return first with { Value = value.ToString() };
    }

    private YamlNode FlowNode()
    {
        SkipFlowSpace();
        string? anchor = null;
        if (_text.Current == '&')
        {
            anchor = Name();
            SkipFlowSpace();
        }

        var before = _nodes++;
        RefuseUnread();
        YamlNode node = _text.Current switch
        {
            '*' => Alias(),
            '{' => FlowMapping(),
            '[' => FlowSequence(),
            '"' or '\'' => YamlQuotedScalar.Read(_text),
            _ => FlowPlain(),
        };
        return anchor is null ? node : Anchor(anchor, node, before);
    }

    private YamlMapping FlowMapping()
    {
        var line = _text.Line;
        Skip(1);
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        while (true)
        {
            SkipFlowSpace();
            if (_text.Current == '}')
            {
                Skip(1);
                return new YamlMapping([.. entries], line);
            }

            var column = _text.Column;
            if (FlowNode() is not YamlScalar key)
            {
                throw _text.Error("a key that is a mapping or list is not read by rind");
            }

            SkipFlowSpace();
            YamlNode value = new YamlScalar("", Plain: true, _text.Line);
            if (_text.Current == ':')
            {
                Skip(1);
                SkipFlowSpace();
                if (_text.Current is not (',' or '}'))
                {
                    value = FlowNode();
                }
            }

            Put(entries, key, column, value);
            SeparatorOrEnd('}');
        }
    }

    private YamlSequence FlowSequence()
    {
        var line = _text.Line;
        Skip(1);
        var items = new List<YamlNode>();
        while (true)
        {
            SkipFlowSpace();
            if (_text.Current == ']')
            {
                Skip(1);
                return new YamlSequence(items, line);
            }

            items.Add(FlowNode());
            SkipFlowSpace();
            if (_text.Current == ':')
            {
                throw _text.Error("a key and value inside brackets is not read by rind; write it in braces");
            }

            SeparatorOrEnd(']');
        }
    }

    /// <summary>A plain scalar inside braces or brackets: up to ',', a bracket, a brace, ': ' or the line's end.</summary>
    private YamlScalar FlowPlain()
    {
        if (_text.AtEnd)
        {
            throw _text.Error("braces or brackets are not closed");
        }

        if (_text.Current is ',' or ']' or '}' or '@' or '`' or '%')
        {
            throw _text.Error($"a value was expected here, not '{_text.Current}'");
        }

        var line = _text.Line;
        var start = _text.Position;
        while (!_text.AtLineEnd && _text.Current is not (',' or '[' or ']' or '{' or '}')
            && !(_text.Current == ':' && (YamlText.IsBlank(_text.Next) || _text.Next is ',' or '[' or ']' or '{' or '}')))
        {
            _text.Advance();
        }

        return new YamlScalar(_text.Slice(start, _text.Position).TrimEnd(' ', '\t'), Plain: true, line);
    }

    private void SeparatorOrEnd(char end)
    {
        SkipFlowSpace();
        if (_text.Current == ',')
        {
            Skip(1);
        }
        else if (_text.Current != end)
        {
            throw _text.AtEnd ? _text.Error("braces or brackets are not closed") : _text.Error($"',' or '{end}' was expected here");
        }
    }

    private void SkipFlowSpace()
    {
        while (!_text.AtEnd && (YamlText.IsBlank(_text.Current) || _text.AtLineEnd))
        {
            if (_text.Current == '#')
            {
                while (!_text.AtEnd && _text.Current != '\n')
                {
                    _text.Advance();
                }
            }
            else
            {
                _text.Advance();
            }
        }
    }

    /// <summary>Reads an anchor's or alias's name: after its sign, letters, digits, '-' and '_', as for kubectl.</summary>
    private string Name()
    {
        var sign = _text.Current;
        Skip(1);
        var start = _text.Position;
        while (char.IsAsciiLetterOrDigit(_text.Current) || _text.Current is '-' or '_')
        {
            _text.Advance();
        }

        if (_text.Position == start || !(YamlText.IsBlank(_text.Current) || _text.Current is ',' or ']' or '}' or ':'))
        {
            throw _text.Error($"the name after '{sign}' must be letters, digits, '-' or '_', followed by a space");
        }

        return _text.Slice(start, _text.Position);
    }

    private YamlNode Anchor(string name, YamlNode node, int before)
    {
        _anchors[name] = (node, _nodes - before);
        return node;
    }

    /// <summary>The node an alias names: the last anchored with its name before it, shared rather than copied.</summary>
    private YamlNode Alias()
    {
        var mark = _text.Mark();
        var name = Name();
        if (!_anchors.TryGetValue(name, out var anchored))
        {
            _text.Reset(mark);
            throw _text.Error($"the alias *{UntrustedText.Show(name, 60)} names no anchor before it");
        }

        _nodes += anchored.Size;
        _aliasNodes += anchored.Size;
        if (_aliasNodes > MaxAliasNodes)
        {
            _text.Reset(mark);
            throw _text.Error($"the aliases add more than {MaxAliasNodes} nodes to the document, which rind does not read");
        }

        return anchored.Node;
    }

    private void RefuseUnread()
    {
        var what = _text.Current switch
        {
            '!' => "tags (!)",
            '?' when YamlText.IsBlank(_text.Next) => "complex keys (?)",
            _ => null,
        };
        if (what is not null)
        {
            throw _text.Error($"YAML {what} are not read by rind; kubectl does not write them");
        }
    }

    /// <summary>Only a comment may follow <paramref name="what"/> on its line.</summary>
    private void EndOfLine(string what)
    {
        _text.SkipSpaces();
        if (!_text.AtLineEnd)
        {
            throw _text.Error($"text follows {what} on its line");
        }
    }

    private bool AtDocumentMarker() => _text.AtLineStartWith("---") || _text.AtLineStartWith("...");

    private void Skip(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _text.Advance();
        }
    }
}
