using Rind.Docker.DevContainers;
using Rind.Docker.Models;

namespace Rind.Tests.Docker.DevContainers;

/// <summary>Which dev container the current folder is in, and what rind says when it cannot run there.</summary>
public sealed class DevContainerSelectorTests
{
    [Theory]
    [InlineData("/home/me/shop")]
    [InlineData("/home/me/shop/src/lib")]
    public void The_dev_container_of_the_folder_or_of_a_parent_holds_it(string currentDirectory)
    {
        var shop = DevContainer("shop-dev", "/home/me/shop");

        Assert.Equal([shop], DevContainerSelector.Holding([shop, DevContainer("blog-dev", "/home/me/blog")], currentDirectory));
    }

    [Fact]
    public void The_nearest_folder_wins_when_workspaces_nest()
    {
        var outer = DevContainer("mono-dev", "/home/me/mono");
        var inner = DevContainer("api-dev", "/home/me/mono/api/");

        Assert.Equal([inner], DevContainerSelector.Holding([outer, inner], "/home/me/mono/api/src"));
        Assert.Equal([outer], DevContainerSelector.Holding([outer, inner], "/home/me/mono/web"));
    }

    [Theory]
    [InlineData("/home/me")]
    [InlineData("/home/me/shopping")]
    [InlineData("/tmp")]
    public void A_dev_container_never_holds_a_folder_outside_its_own(string currentDirectory)
    {
        Assert.Empty(DevContainerSelector.Holding([DevContainer("shop-dev", "/home/me/shop")], currentDirectory));
    }

    [Fact]
    public void A_relative_local_folder_holds_nothing()
    {
        Assert.Empty(DevContainerSelector.Holding([DevContainer("odd", "shop")], "/home/me/shop"));
    }

    [Fact]
    public void The_running_one_is_chosen_over_one_that_stopped()
    {
        var running = DevContainer("shop-dev", "/home/me/shop");

        Assert.Same(running, DevContainerSelector.Select([DevContainer("shop-old", "/home/me/shop", running: false), running]));
    }

    [Fact]
    public void Several_running_are_listed_with_their_config_files_and_how_to_choose()
    {
        var exception = Assert.Throws<RindException>(() => DevContainerSelector.Select(
        [
            DevContainer("shop-py", "/home/me/shop", config: "/home/me/shop/.devcontainer/python/devcontainer.json"),
            DevContainer("shop-go", "/home/me/shop", config: "/home/me/shop/.devcontainer/go/devcontainer.json"),
        ]));

        Assert.Equal(
            "2 running dev containers hold the folder /home/me/shop; choose one:\n" +
            "  shop-go (/home/me/shop/.devcontainer/go/devcontainer.json): rind -c shop-go\n" +
            "  shop-py (/home/me/shop/.devcontainer/python/devcontainer.json): rind -c shop-py",
            exception.Message);
    }

    [Fact]
    public void A_stopped_dev_container_is_named_with_the_command_that_brings_it_up()
    {
        var exception = Assert.Throws<RindException>(() => DevContainerSelector.Select([DevContainer("shop-dev", "/home/me/my shop", running: false)]));

        Assert.Equal(
            "the dev container shop-dev of /home/me/my shop is not running (Exited (0) 2 hours ago): " +
            "start it (devcontainer up --workspace-folder '/home/me/my shop')",
            exception.Message);
    }

    [Fact]
    public void A_config_file_the_cli_would_not_find_by_itself_is_named_in_the_command()
    {
        var stopped = DevContainer("shop-go", "/home/me/shop", running: false, config: "/home/me/shop/.devcontainer/go/devcontainer.json");

        var exception = Assert.Throws<RindException>(() => DevContainerSelector.Select([stopped]));

        Assert.EndsWith(
            "(devcontainer up --workspace-folder /home/me/shop --config /home/me/shop/.devcontainer/go/devcontainer.json)",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_folder_is_shown_as_escapes_and_quoted_for_the_shell()
    {
        var stopped = DevContainer("shop-dev", "/tmp/x\u001b[2J;rm -rf ~", running: false);

        var exception = Assert.Throws<RindException>(() => DevContainerSelector.Select([stopped]));

        Assert.DoesNotContain('\u001b', exception.Message);
        Assert.Contains(@"--workspace-folder '/tmp/x\x1b[2J;rm -rf ~'", exception.Message, StringComparison.Ordinal);
    }

    private static ContainerSummary DevContainer(string name, string folder, bool running = true, string? config = null) => new()
    {
        Id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name))),
        Names = ["/" + name],
        State = running ? "running" : "exited",
        Status = running ? "Up 5 minutes" : "Exited (0) 2 hours ago",
        Labels = new Dictionary<string, string>
        {
            ["devcontainer.local_folder"] = folder,
            ["devcontainer.config_file"] = config ?? Path.Combine(folder, ".devcontainer", "devcontainer.json"),
        },
    };
}
