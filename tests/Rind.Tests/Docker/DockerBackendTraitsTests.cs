using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Rind.Docker;

namespace Rind.Tests.Docker;

public sealed class DockerBackendTraitsTests
{
    [Theory]
    [InlineData(41, false)]
    [InlineData(42, true)]
    [InlineData(47, true)]
    public void Terminals_are_sized_at_the_start_from_API_1_42_on(int minor, bool sizedAtStart)
    {
        var engine = new Mock<IDockerEngine>();
        engine.Setup(e => e.Version).Returns(new ApiVersion(1, minor));
        using var backend = new DockerBackend(() => engine.Object, () => null, NullLogger.Instance);

        var traits = backend.Connect();

        Assert.Equal(sizedAtStart, traits.SizesTerminalAtStart);
    }

    [Fact]
    public void The_engine_reports_start_failures_and_writes_notices_of_its_own_into_the_output()
    {
        var engine = new Mock<IDockerEngine>();
        engine.Setup(e => e.Version).Returns(new ApiVersion(1, 45));
        using var backend = new DockerBackend(() => engine.Object, () => null, NullLogger.Instance);

        var traits = backend.Connect();

        Assert.Equal("the engine", traits.Server);
        Assert.True(traits.ReportsStartFailures);
        Assert.Same(EngineNotices.Instance, traits.Notices);
    }
}
