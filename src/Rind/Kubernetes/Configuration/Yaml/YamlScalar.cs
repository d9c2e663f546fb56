namespace Rind.Kubernetes.Configuration.Yaml;

/// <summary>A scalar's text, and whether it was written plain (unquoted), which alone may mean null or a boolean.</summary>
internal sealed record YamlScalar(string Value, bool Plain, int Line) : YamlNode(Line)
{
    /// <summary>Null as YAML writes it: nothing, ~ or null, unquoted.</summary>
    public bool IsNull => Plain && Value is "" or "~" or "null" or "Null" or "NULL";
}
