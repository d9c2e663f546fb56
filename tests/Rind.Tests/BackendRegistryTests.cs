using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Rind.Backends;
using Rind.Cli;
using Rind.Docker;
using Rind.Tests.Fakes;

namespace Rind.Tests;

/// <summary>Which backend and finder a run of rind opens: the engine's, or the cluster's with --kube or RIND_KUBE.</summary>
public sealed class BackendRegistryTests
{
    private readonly Mock<IBackend> _cluster = new(MockBehavior.Strict);
    private readonly Mock<ICandidateFinder> _pods = new(MockBehavior.Strict);
    private Invocation? _clusterOpenedFor;
    private int _enginesOpened;

    [Fact]
    public void Without_kube_the_engines_backend_and_its_finder_are_opened_and_nothing_of_the_cluster()
    {
        using var opened = Open(new FakeEnvironment(("DOCKER_HOST", "unix:///run/rind-unit/docker.sock")), "true");

        Assert.IsType<DockerBackend>(opened.Backend);
        Assert.IsType<EngineContainerFinder>(opened.Finder);
        Assert.Null(_clusterOpenedFor);
        Assert.Equal(0, _enginesOpened);
    }

    [Fact]
    public void The_engine_is_connected_only_when_the_backend_connects()
    {
        using var opened = Open(new FakeEnvironment(("DOCKER_HOST", "unix:///run/rind-unit/docker.sock")), "true");

        Assert.Throws<RindException>(opened.Backend.Connect);
        Assert.Equal(1, _enginesOpened);
    }

    [Theory]
    [InlineData("--kube")]
    [InlineData(null)]
    public void With_kube_or_RIND_KUBE_the_cluster_is_opened_with_the_options_and_the_engine_is_not(string? option)
    {
        var environment = new FakeEnvironment(("RIND_KUBE", option is null ? "1" : "0"));
        string[] args = option is null ? ["-n", "shop", "true"] : [option, "-n", "shop", "true"];

        using var opened = Open(environment, args);

        Assert.Same(_cluster.Object, opened.Backend);
        Assert.Same(_pods.Object, opened.Finder);
        Assert.Equal("shop", _clusterOpenedFor?.Namespace);
        Assert.Equal(0, _enginesOpened);
    }

    private OpenedBackend Open(FakeEnvironment environment, params string[] args)
    {
        _cluster.Setup(c => c.Dispose());
        var registry = new BackendRegistry(
            environment,
            (_, _) =>
            {
                _enginesOpened++;
                throw new RindException("no engine in these tests");
            },
            (invocation, _) =>
            {
                _clusterOpenedFor = invocation;
                return new OpenedBackend(_cluster.Object, _pods.Object);
            });
        return registry.Open(InvocationParser.Parse(args), NullLogger.Instance);
    }
}
