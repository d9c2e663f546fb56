using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Rind.Diagnostics;

/// <summary>
/// Says where a JSON text went wrong in words a user can act on, rather than the parser's own
/// message with its internal names.
/// </summary>
internal static class JsonFailure
{
    public static string Describe(JsonException exception)
    {
        var where = new List<string>();
        if (exception.Path is { Length: > 0 } path && path != "$")
        {
            where.Add($"at {UntrustedText.Show(path, 80)}");
        }

        if (exception.LineNumber is { } line)
        {
            where.Add(string.Create(CultureInfo.InvariantCulture, $"line {line + 1}"));
        }

        if (exception.BytePositionInLine is { } position)
        {
            where.Add(string.Create(CultureInfo.InvariantCulture, $"byte {position + 1}"));
        }

        var text = new StringBuilder("it is not the JSON rind expects");
        return (where.Count == 0 ? text : text.Append(" (").AppendJoin(", ", where).Append(')')).ToString();
    }
}
