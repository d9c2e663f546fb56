using System.Text;
using Rind.Diagnostics;

namespace Rind.Kubernetes.Configuration.Yaml;

/// <summary>
/// Reads the YAML of a kubeconfig: one document of block and flow mappings and sequences (JSON included),
/// plain, quoted and block scalars, and comments. What kubeconfigs do not use is refused in words rather
/// than misread: anchors, aliases, tags, complex keys, directives and a second document.
/// </summary>
internal sealed class YamlReader
{
    private readonly YamlText _text;

    private YamlReader(string text) => _text = new YamlText(text);

    /// <returns>The document's root; null for an empty document.</returns>
    /// <exception cref="YamlSyntaxException">The text is not YAML, or YAML rind does not read.</exception>
    public static YamlNode? Read(string text) => new YamlReader(text).Document();

    private YamlNode? Document()
    {
        _text.SkipToContent();
        if (_text.Current == '%' && _text.Column == 0)
        {
            throw _text.Error("YAML directives (%) are not read by rind");
        }

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

        if (_text.AtLineStartWith("..."))
        {
            Skip(3);
            _text.SkipToContent();
        }

        if (_text.AtLineStartWith("---"))
        {
            throw _text.Error("a second document begins here; a kubeconfig holds one");
        }

        return _text.AtEnd ? root : throw _text.Error("this line is indented less than its mapping or list, or is not YAML");
    }

    /// <summary>The node that begins under the cursor.</summary>
    /// <param name="parentIndent">The indentation of the mapping or list that holds it (-1 for the document).</param>
    /// <param name="sameLineAsKey">Whether it follows its key on the key's line, where no mapping or list may begin.</param>
    private YamlNode Node(int parentIndent, bool sameLineAsKey)
    {
        RefuseUnread();
        switch (_text.Current)
        {
            case '|' or '>':
                return YamlBlockScalar.Read(_text, parentIndent);
            case '{' or '[':
                var flow = FlowNode();
                EndOfLine("a value in braces or brackets");
                return flow;
            case '-' when YamlText.IsBlank(_text.Next):
                return sameLineAsKey
                    ? throw _text.Error("a list cannot begin on the line of its key")
                    : Sequence(_text.Column);
        }

        var column = _text.Column;
        var scalar = _text.Current is '"' or '\'' ? YamlQuotedScalar.Read(_text) : PlainLine();
        _text.SkipSpaces();
        if (_text.Current == ':' && YamlText.IsBlank(_text.Next))
        {
            return sameLineAsKey
                ? throw _text.Error("a mapping cannot begin on the line of its key")
                : Mapping(column, scalar);
        }

        if (!scalar.Plain)
        {
            EndOfLine("a quoted value");
            return scalar;
        }

        return Continued(scalar, parentIndent);
    }

    private YamlMapping Mapping(int indent, YamlScalar firstKey)
    {
        var entries = new List<KeyValuePair<string, YamlNode>>();
        var key = firstKey;
        while (true)
        {
            if (entries.Any(entry => entry.Key == key.Value))
            {
                throw _text.Error($"the key \"{UntrustedText.Show(key.Value, 60)}\" is in this mapping twice");
            }

            Skip(1);
            entries.Add(new(key.Value, ValueAfterIndicator(indent, inMapping: true)));
            _text.SkipToContent();
            if (_text.AtEnd || _text.Column < indent || AtDocumentMarker())
            {
                return new YamlMapping(entries, firstKey.Line);
            }

            if (_text.Column > indent)
            {
                throw _text.Error("this line is indented more than the keys of its mapping");
            }

            RefuseUnread();
            key = _text.Current is '"' or '\'' ? YamlQuotedScalar.Read(_text) : PlainLine();
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

    /// <summary>What follows a key's ':' or an item's '-': on the same line, or on the lines below, indented more.</summary>
    private YamlNode ValueAfterIndicator(int indent, bool inMapping)
    {
        var line = _text.Line;
        _text.SkipSpaces();
        if (!_text.AtLineEnd)
        {
            return Node(indent, sameLineAsKey: inMapping);
        }

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
        while (true)
        {
            var mark = _text.Mark();
            var lineBefore = _text.Line;
            _text.SkipToContent();
            if (_text.AtEnd || _text.Column <= parentIndent || AtDocumentMarker())
            {
                _text.Reset(mark);
                return first with { Value = value.ToString() };
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
    }

    private YamlNode FlowNode()
    {
        SkipFlowSpace();
        RefuseUnread();
        return _text.Current switch
        {
            '{' => FlowMapping(),
            '[' => FlowSequence(),
            '"' or '\'' => YamlQuotedScalar.Read(_text),
            _ => FlowPlain(),
        };
    }

    private YamlMapping FlowMapping()
    {
        var line = _text.Line;
        Skip(1);
        var entries = new List<KeyValuePair<string, YamlNode>>();
        while (true)
        {
            SkipFlowSpace();
            if (_text.Current == '}')
            {
                Skip(1);
                return new YamlMapping(entries, line);
            }

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

            if (entries.Any(entry => entry.Key == key.Value))
            {
                throw _text.Error($"the key \"{UntrustedText.Show(key.Value, 60)}\" is in this mapping twice");
            }

            entries.Add(new(key.Value, value));
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

    private void RefuseUnread()
    {
        var what = _text.Current switch
        {
            '&' => "anchors (&)",
            '*' => "aliases (*)",
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
