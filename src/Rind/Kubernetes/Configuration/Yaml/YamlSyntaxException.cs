namespace Rind.Kubernetes.Configuration.Yaml;

/// <summary>Text that is not YAML, or YAML beyond what rind reads, at a line and column (from 1).</summary>
internal sealed class YamlSyntaxException(int line, int column, string message) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
