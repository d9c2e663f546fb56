using Rind.Engine.Models;
using Rind.Execution;

namespace Rind.Tests.Execution;

public sealed class ContainerSelectorTests
{
    [Fact]
    public void The_single_running_container_is_chosen_over_stopped_ones()
    {
        var web = Container("web", "running");

        var chosen = ContainerSelector.Select([Container("old", "exited"), web]);

        Assert.Same(web, chosen);
    }

    [Fact]
    public void No_labelled_container_says_how_to_add_the_label()
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select([]));

        Assert.Equal(
            "no running container carries the label app.rind: add it to the service to run in " +
            "(labels: [app.rind] in the compose file) and start the stack (docker compose up -d)",
            exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Fact]
    public void A_stopped_labelled_container_is_named_as_not_running()
    {
        var exception = Assert.Throws<RindException>(
            () => ContainerSelector.Select([Container("proj-web-1", "exited", "Exited (0) 2 minutes ago")]));

        Assert.Equal(
            "container proj-web-1 carries the label app.rind but is not running (Exited (0) 2 minutes ago): " +
            "start it (docker start proj-web-1, or docker compose up -d)",
            exception.Message);
    }

    [Fact]
    public void A_paused_container_is_not_running()
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select([Container("web", "paused")]));

        Assert.Contains("web carries the label app.rind but is not running", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_stopped_containers_are_all_named()
    {
        var exception = Assert.Throws<RindException>(
            () => ContainerSelector.Select([Container("b", "exited"), Container("a", "created")]));

        Assert.StartsWith("containers a, b carry the label app.rind but none is running", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_running_containers_are_listed_by_name()
    {
        var exception = Assert.Throws<RindException>(
            () => ContainerSelector.Select([Container("web-2", "running"), Container("web-1", "running"), Container("x", "exited")]));

        Assert.StartsWith("2 running containers carry the label app.rind (web-1, web-2)", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Fact]
    public void A_container_is_named_without_the_engines_leading_slash()
    {
        Assert.Equal("web", Container("web", "running").DisplayName);
    }

    private static ContainerSummary Container(string name, string state, string status = "") => new()
    {
        Id = name + "0123456789abcdef",
        Names = ["/" + name],
        State = state,
        Status = status,
    };
}
