namespace Rind.Kubernetes.Configuration.Yaml;

/// <summary>One node of a YAML document as rind reads kubeconfigs: a scalar, a mapping or a sequence.</summary>
/// <param name="Line">The line it begins on, from 1: for messages.</param>
internal abstract record YamlNode(int Line);
