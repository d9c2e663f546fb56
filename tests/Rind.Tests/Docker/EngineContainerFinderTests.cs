using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Rind.Backends;
using Rind.Docker;
using Rind.Docker.Models;
using Rind.Tests.Fakes;

namespace Rind.Tests.Docker;

/// <summary>What the engine's finder makes of a labelled container.</summary>
public sealed class EngineContainerFinderTests
{
    private static readonly ContainerSummary Web = new()
    {
        Id = "c0ffee",
        Names = ["/shop-web-1"],
        State = "running",
        Labels = new Dictionary<string, string> { ["app.rind"] = "source /venv/bin/activate", ["app.rind.user"] = "app" },
        Mounts =
        [
            new MountPoint { Type = "bind", Source = "/home/me/shop", Destination = "/code" },
            new MountPoint { Type = "volume", Source = "/var/lib/docker/volumes/x/_data", Destination = "/data" },
        ],
    };

    [Fact]
    public void The_chosen_container_carries_its_labels_settings_and_says_how_it_was_found()
    {
        var candidate = Find(Web, sharesFileSystem: true);

        Assert.Equal("c0ffee", candidate.Id);
        Assert.Equal("shop-web-1", candidate.DisplayName);
        Assert.Equal("source /venv/bin/activate", candidate.Settings.PreStep);
        Assert.Equal("app", candidate.Settings.User);
        Assert.Equal("label", candidate.Settings.Source);
        Assert.Equal("container shop-web-1 (c0ffee) carries the label app.rind", candidate.FoundBy);
    }

    [Fact]
    public void Only_bind_mounts_map_folders_as_volumes_are_no_folders_of_the_host()
    {
        Assert.Equal([new FolderMapping("/home/me/shop", "/code")], Find(Web, sharesFileSystem: true).Settings.Folders);
    }

    [Fact]
    public void An_engine_that_does_not_share_rinds_file_system_maps_no_folder()
    {
        Assert.Empty(Find(Web, sharesFileSystem: false).Settings.Folders);
    }

    private static Candidate Find(ContainerSummary container, bool sharesFileSystem)
    {
        var engine = new Mock<IDockerEngine>(MockBehavior.Strict);
        engine.Setup(e => e.ListContainersWithLabel("app.rind")).Returns([container]);
        engine.Setup(e => e.ListContainersWithLabel("devcontainer.local_folder")).Returns([]);
        return new EngineContainerFinder(() => engine.Object, sharesFileSystem, new FakeEnvironment(), TimeSpan.FromSeconds(5), NullLogger.Instance).Find(FindCriteria.None);
    }
}
