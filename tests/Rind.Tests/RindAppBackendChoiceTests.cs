using Moq;
using Rind.Backends;
using Rind.Cli;
using Rind.Execution;
using Rind.Tests.Fakes;

namespace Rind.Tests;

/// <summary>Which backend a run of rind opens: the engine, or the cluster with --kube or RIND_KUBE.</summary>
public sealed class RindAppBackendChoiceTests
{
    private readonly FakeStandardStreams _streams = new();
    private readonly Mock<IBackend> _cluster = new(MockBehavior.Strict);
    private Invocation? _clusterOpenedFor;
    private int _enginesOpened;

    public RindAppBackendChoiceTests()
    {
        _cluster.Setup(c => c.Connect()).Returns(new BackendTraits(false, false, false, false) { SettingsHolder = "annotation" });
        _cluster.Setup(c => c.Dispose());
    }

    [Fact]
    public void Without_kube_the_engine_is_opened_and_nothing_of_the_cluster()
    {
        Run(new FakeEnvironment(("DOCKER_HOST", "unix:///run/rind-unit/docker.sock")), "true");

        Assert.Equal(1, _enginesOpened);
        Assert.Null(_clusterOpenedFor);
    }

    [Theory]
    [InlineData("--kube")]
    [InlineData(null)]
    public void With_kube_or_RIND_KUBE_the_cluster_is_opened_with_the_options_and_the_engine_is_not(string? option)
    {
        ContainerCriteria? asked = null;
        _cluster.Setup(c => c.Choose(It.IsAny<ContainerCriteria>()))
            .Callback<ContainerCriteria>(criteria => asked = criteria)
            .Throws(new RindException("no running pod carries the label app.rind"));
        var environment = new FakeEnvironment(("RIND_KUBE", option is null ? "1" : "0"), ("RIND_SERVICE", "web"), ("RIND_CONTAINER", "api"));
        string[] args = option is null ? ["-n", "shop", "true"] : [option, "-n", "shop", "true"];

        var exitCode = Run(environment, args);

        Assert.Equal(125, exitCode);
        Assert.Equal("rind: no running pod carries the label app.rind\n", _streams.ErrorText);
        Assert.Equal(0, _enginesOpened);
        Assert.Equal("shop", _clusterOpenedFor?.Namespace);
        Assert.NotNull(asked);
        Assert.Null(asked.Service);
        Assert.Equal("api", asked.Container);
    }

    private int Run(FakeEnvironment environment, params string[] args) =>
        new RindApp(
            _streams,
            new FakeTerminal(isTerminal: false),
            new FakeSignals(),
            environment,
            (_, _) =>
            {
                _enginesOpened++;
                throw new RindException("no engine in these tests");
            },
            (invocation, _) =>
            {
                _clusterOpenedFor = invocation;
                return _cluster.Object;
            })
            .Run(args);
}
