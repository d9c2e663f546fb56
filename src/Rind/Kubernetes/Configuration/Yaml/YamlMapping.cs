namespace Rind.Kubernetes.Configuration.Yaml;

/// <summary>A mapping's entries in their order; keys are scalars, each once.</summary>
internal sealed record YamlMapping(IReadOnlyList<KeyValuePair<string, YamlNode>> Entries, int Line) : YamlNode(Line)
{
    public static readonly YamlMapping Empty = new([], 0);
}
