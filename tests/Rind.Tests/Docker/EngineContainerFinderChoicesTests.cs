using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Rind.Backends;
using Rind.Docker;
using Rind.Docker.Models;
using Rind.Tests.Fakes;

namespace Rind.Tests.Docker;

/// <summary>The names the engine's finder offers for -c and -s: those a run would find now.</summary>
public sealed class EngineContainerFinderChoicesTests
{
    private const string DevFolder = "devcontainer.local_folder";

    private readonly Mock<IDockerEngine> _engine = new(MockBehavior.Strict);

    [Fact]
    public void Containers_are_the_running_labelled_ones_with_their_service_then_the_running_dev_containers()
    {
        Engine(
            labelled:
            [
                Container("1", "shop-web-1", "running", Compose("shop", "web")),
                Container("2", "tools", "running"),
                Container("3", "shop-db-1", "exited", Compose("shop", "db")),
            ],
            devContainers:
            [
                Container("4", "eager_turing", "running", (DevFolder, "/home/me/blog")),
                Container("5", "sleepy_hopper", "exited", (DevFolder, "/home/me/old")),
            ]);

        var choices = Finder().Choices(ChoiceKind.Containers);

        Assert.Equal(
            [
                new NamedChoice("shop-web-1", "service web"),
                new NamedChoice("tools", "labelled container"),
                new NamedChoice("eager_turing", "dev container of /home/me/blog"),
            ],
            choices);
    }

    [Fact]
    public void A_dev_container_that_is_labelled_too_is_named_once_as_labelled()
    {
        var both = Container("1", "blog-dev", "running", (DevFolder, "/home/me/blog"), ("app.rind", ""));
        Engine(labelled: [both], devContainers: [both]);

        var choices = Finder().Choices(ChoiceKind.Containers);

        Assert.Equal([new NamedChoice("blog-dev", "labelled container")], choices);
    }

    [Fact]
    public void Services_are_the_compose_services_of_running_labelled_containers_each_once()
    {
        Engine(
            labelled:
            [
                Container("1", "shop-web-1", "running", Compose("shop", "web")),
                Container("2", "shop-web-2", "running", Compose("shop", "web")),
                Container("3", "blog-worker-1", "running", Compose("blog", "worker")),
                Container("4", "shop-db-1", "exited", Compose("shop", "db")),
                Container("5", "tools", "running"),
            ],
            devContainers: []);

        var choices = Finder().Choices(ChoiceKind.Services);

        Assert.Equal([new NamedChoice("web", "project shop"), new NamedChoice("worker", "project blog")], choices);
    }

    [Fact]
    public void An_engine_has_no_namespaces_and_is_not_asked()
    {
        var choices = Finder().Choices(ChoiceKind.Namespaces);

        Assert.Empty(choices);
        _engine.VerifyNoOtherCalls();
    }

    private static (string Key, string Value)[] Compose(string project, string service) =>
        [("app.rind", ""), ("com.docker.compose.project", project), ("com.docker.compose.service", service)];

    private static ContainerSummary Container(string id, string name, string state, params (string Key, string Value)[] labels) =>
        new()
        {
            Id = id,
            Names = ["/" + name],
            State = state,
            Labels = labels.ToDictionary(label => label.Key, label => label.Value),
        };

    private void Engine(ContainerSummary[] labelled, ContainerSummary[] devContainers)
    {
        _engine.Setup(e => e.ListContainersWithLabel("app.rind")).Returns(labelled);
        _engine.Setup(e => e.ListContainersWithLabel(DevFolder)).Returns(devContainers);
    }

    private EngineContainerFinder Finder() =>
        new(() => _engine.Object, sharesFileSystem: true, new FakeEnvironment(), TimeSpan.FromSeconds(5), NullLogger.Instance);
}
