namespace Rind.Kubernetes;

/// <summary>What narrows the choice among labelled pods, and where they were looked for, for messages.</summary>
/// <param name="Pod">-c/--container in this mode: a pod's name, or the start of one.</param>
/// <param name="Context">The kubeconfig context in use.</param>
/// <param name="Namespace">The namespace the pods were listed in.</param>
internal sealed record PodCriteria(string? Pod, string Context, string Namespace);
