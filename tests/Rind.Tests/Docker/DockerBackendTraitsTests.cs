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
        using var backend = new DockerBackend(() => engine.Object, engineIsLocal: false, NullLogger.Instance);

        var traits = backend.Connect();

        Assert.Equal(sizedAtStart, traits.SizesTerminalAtStart);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Only_a_local_engine_shares_rinds_folders(bool local)
    {
        var engine = new Mock<IDockerEngine>();
        engine.Setup(e => e.Version).Returns(new ApiVersion(1, 45));
        using var backend = new DockerBackend(() => engine.Object, local, NullLogger.Instance);

        var traits = backend.Connect();

        Assert.Equal(local, traits.SharesFileSystem);
        Assert.True(traits.HasDetachKeys);
        Assert.True(traits.WritesNoticesIntoOutput);
    }
}
