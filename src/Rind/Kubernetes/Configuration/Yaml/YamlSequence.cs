namespace Rind.Kubernetes.Configuration.Yaml;

/// <summary>A sequence's items in their order.</summary>
internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items, int Line) : YamlNode(Line);
