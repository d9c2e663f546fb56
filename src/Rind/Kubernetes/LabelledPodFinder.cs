using Rind.Backends;
using Rind.Kubernetes.Api;

namespace Rind.Kubernetes;

/// <summary>The pods of the chosen namespace that carry the label app.rind, chosen as <see cref="PodSelector"/> says.</summary>
internal sealed class LabelledPodFinder(ClusterAccess access, IKubernetesApi api) : ICandidateFinder
{
    /// <remarks>A cluster has no compose services: -s and RIND_SERVICE are the engine's alone.</remarks>
    public Candidate Find(FindCriteria criteria) =>
        PodSelector.Select(
            api.ListPods(access.Namespace, RindLabel.Name),
            new PodCriteria(criteria.Container, access.ContextName, access.Namespace));

    /// <summary>The running labelled pods for -c, the namespaces for -n; a cluster has no compose services.</summary>
    public IReadOnlyList<NamedChoice> Choices(ChoiceKind kind) =>
        kind switch
        {
            ChoiceKind.Containers => [.. api.ListPods(access.Namespace, RindLabel.Name)
                .Where(pod => pod.IsRunning)
                .Select(pod => new NamedChoice(pod.Name, $"pod in {access.Namespace}"))],
            ChoiceKind.Namespaces => [.. api.ListNamespaces().Select(name => new NamedChoice(name))],
            _ => [],
        };
}
