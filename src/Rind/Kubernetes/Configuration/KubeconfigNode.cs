using System.Globalization;
using Rind.Kubernetes.Configuration.Yaml;

namespace Rind.Kubernetes.Configuration;

/// <summary>
/// One mapping of a kubeconfig, read as kubectl reads it (YAML turned into JSON, then typed fields): null,
/// ~ and an empty value are absent, unknown keys are passed over, a value of the wrong kind is an error
/// naming the field and its line. As for kubectl, an unquoted value YAML takes for a number or a boolean is
/// not text.
/// </summary>
internal sealed class KubeconfigNode(YamlMapping mapping, string where, string file)
{
    // YAML 1.1's words, which kubectl's YAML reader still takes for booleans.
    private static readonly string[] TrueWords = ["true", "True", "TRUE", "y", "Y", "yes", "Yes", "YES", "on", "On", "ON"];
    private static readonly string[] FalseWords = ["false", "False", "FALSE", "n", "N", "no", "No", "NO", "off", "Off", "OFF"];

    /// <summary>An entry without settings: every field absent.</summary>
    public static readonly KubeconfigNode Empty = new(YamlMapping.Empty, "", "");

    /// <summary>The document's top level, or null when the document is empty.</summary>
    public static KubeconfigNode? Root(YamlNode? root, string file) => root switch
    {
        null => null,
        YamlScalar { IsNull: true } => null,
        YamlMapping mapping => new KubeconfigNode(mapping, "", file),
        _ => throw Failure(file, "it is not a mapping of settings", root),
    };

    public string? String(string key) => Value(key) switch
    {
        null => null,
        YamlScalar scalar => Text(scalar, Field(key)),
        var other => throw Wrong(key, "is not a text value", other),
    };

    public bool Bool(string key)
    {
        switch (Value(key))
        {
            case null:
                return false;
            case YamlScalar { Plain: true } scalar when TrueWords.Contains(scalar.Value):
                return true;
            case YamlScalar { Plain: true } scalar when FalseWords.Contains(scalar.Value):
                return false;
            case var other:
                throw Wrong(key, "is not true or false", other);
        }
    }

    /// <summary>A -data field: base64, as kubectl stores bytes.</summary>
    public byte[]? Base64(string key)
    {
        if (String(key) is not { } text)
        {
            return null;
        }

        // kubectl passes over line breaks alone: a value folded over lines, joined by spaces, is not base64.
        if (text.AsSpan().ContainsAny(' ', '\t'))
        {
            throw Wrong(key, "is not base64", Value(key)!);
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw Wrong(key, "is not base64", Value(key)!);
        }
    }

    /// <summary>A path: absolute as written, else taken from the folder of the file that holds it.</summary>
    public string? Path(string key) =>
        String(key) is { Length: > 0 } path ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file)!, path) : null;

    public KubeconfigNode? Mapping(string key) => Value(key) switch
    {
        null => null,
        YamlMapping mapping => new KubeconfigNode(mapping, Field(key), file),
        var other => throw Wrong(key, "is not a mapping", other),
    };

    public IEnumerable<KubeconfigNode> Mappings(string key)
    {
        var index = 0;
        foreach (var item in Sequence(key))
        {
            var itemWhere = string.Create(CultureInfo.InvariantCulture, $"{Field(key)}[{index++}]");
            yield return item switch
            {
                YamlMapping mapping => new KubeconfigNode(mapping, itemWhere, file),

                // kubectl takes a null item for one with every field empty.
                YamlScalar { IsNull: true } => new KubeconfigNode(YamlMapping.Empty, itemWhere, file),
                _ => throw Failure(file, $"{itemWhere} is not a mapping", item),
            };
        }
    }

    public IReadOnlyList<string> Strings(string key)
    {
        var index = 0;
        var strings = new List<string>();
        foreach (var item in Sequence(key))
        {
            var itemWhere = string.Create(CultureInfo.InvariantCulture, $"{Field(key)}[{index++}]");
            strings.Add(item switch
            {
                // kubectl takes a null item for an empty one.
                YamlScalar { IsNull: true } => "",
                YamlScalar scalar => Text(scalar, itemWhere),
                _ => throw Failure(file, $"{itemWhere} is not a text value", item),
            });
        }

        return strings;
    }

    public RindException Failure(string what) => Failure(file, $"{(where.Length == 0 ? "" : where + ": ")}{what}", mapping);

    public static RindException Failure(string file, string what, YamlNode? node) =>
        new(node is null
            ? $"cannot read the kubeconfig {file}: {what}"
            : string.Create(CultureInfo.InvariantCulture, $"cannot read the kubeconfig {file}: {what} (line {node.Line})"));

    private IEnumerable<YamlNode> Sequence(string key) => Value(key) switch
    {
        null => [],
        YamlSequence sequence => sequence.Items,
        var other => throw Wrong(key, "is not a list", other),
    };

    private YamlNode? Value(string key)
    {
        foreach (var (name, value) in mapping.Entries)
        {
            if (name == key)
            {
                return value is YamlScalar { IsNull: true } ? null : value;
            }
        }

        return null;
    }

    private string Text(YamlScalar scalar, string field) =>
        !scalar.Plain ? scalar.Value
        : TrueWords.Contains(scalar.Value) || FalseWords.Contains(scalar.Value) ? throw Failure(file, $"{field} is true or false, not text: quote it", scalar)
        : YamlNumber.Is(scalar.Value) ? throw Failure(file, $"{field} is a number, not text: quote it", scalar)
        : scalar.Value;

    private string Field(string key) => where.Length == 0 ? key : $"{where}.{key}";

    private RindException Wrong(string key, string what, YamlNode node) => Failure(file, $"{Field(key)} {what}", node);
}
