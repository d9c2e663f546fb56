using Moq;
using Rind.Backends;
using Rind.Kubernetes;
using Rind.Kubernetes.Api;

namespace Rind.Tests.Kubernetes;

/// <summary>The names the cluster's finder offers for -c and -n.</summary>
public sealed class LabelledPodFinderTests
{
    private readonly Mock<IKubernetesApi> _api = new(MockBehavior.Strict);

    [Fact]
    public void Containers_are_the_running_labelled_pods_of_the_namespace()
    {
        _api.Setup(a => a.ListPods("shop", "app.rind")).Returns(
        [
            new PodSummary("web-7d4f", "Running", Ready: true, Deleting: false, ["app"]),
            new PodSummary("web-new", "Pending", Ready: false, Deleting: false, ["app"]),
            new PodSummary("web-warming", "Running", Ready: false, Deleting: false, ["app"]),
            new PodSummary("web-old", "Running", Ready: true, Deleting: true, ["app"]),
            new PodSummary("worker-1", "Running", Ready: true, Deleting: false, ["app"]),
        ]);

        var choices = Finder().Choices(ChoiceKind.Containers);

        Assert.Equal([new NamedChoice("web-7d4f", "pod in shop"), new NamedChoice("worker-1", "pod in shop")], choices);
    }

    [Fact]
    public void Namespaces_are_those_the_cluster_lists()
    {
        _api.Setup(a => a.ListNamespaces()).Returns(["default", "shop"]);

        var choices = Finder().Choices(ChoiceKind.Namespaces);

        Assert.Equal([new NamedChoice("default"), new NamedChoice("shop")], choices);
    }

    [Fact]
    public void A_cluster_has_no_services_and_is_not_asked()
    {
        var choices = Finder().Choices(ChoiceKind.Services);

        Assert.Empty(choices);
        _api.VerifyNoOtherCalls();
    }

    private LabelledPodFinder Finder() =>
        new(new ClusterAccess(new Uri("https://cluster.example:6443"), "dev", "shop", Mock.Of<IClusterCredentials>()), _api.Object);
}
