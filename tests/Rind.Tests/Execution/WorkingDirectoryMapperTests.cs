using Rind.Backends;
using Rind.Execution;

namespace Rind.Tests.Execution;

public sealed class WorkingDirectoryMapperTests
{
    private static readonly FolderMapping Project = new("/home/me/proj", "/code");

    [Theory]
    [InlineData("/home/me/proj", "/code")]
    [InlineData("/home/me/proj/app/models", "/code/app/models")]
    [InlineData("/home/me/proj/", "/code")]
    public void A_folder_inside_a_mapped_folder_maps_to_the_same_place_in_the_container(string currentDirectory, string expected)
    {
        Assert.Equal(expected, WorkingDirectoryMapper.Map(currentDirectory, [Project]));
    }

    [Theory]
    [InlineData("/home/me")]
    [InlineData("/home/me/project")]
    [InlineData("/tmp")]
    public void A_folder_outside_every_mapped_folder_maps_to_nothing(string currentDirectory)
    {
        Assert.Null(WorkingDirectoryMapper.Map(currentDirectory, [Project]));
    }

    [Fact]
    public void The_deepest_mount_wins_whatever_their_order()
    {
        FolderMapping data = new("/home/me/proj/data", "/srv/data");

        Assert.Equal("/srv/data/raw", WorkingDirectoryMapper.Map("/home/me/proj/data/raw", [data, Project]));
        Assert.Equal("/srv/data/raw", WorkingDirectoryMapper.Map("/home/me/proj/data/raw", [Project, data]));
    }

    [Fact]
    public void A_mount_of_the_root_folder_maps_everything()
    {
        Assert.Equal("/host/etc", WorkingDirectoryMapper.Map("/etc", [new FolderMapping("/", "/host")]));
    }
}
