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
}
