using Rind.Backends;
using Rind.Docker;
using Rind.Docker.Models;

namespace Rind.Tests.Docker;

public sealed class ContainerSelectorTests
{
    [Fact]
    public void The_single_running_container_is_chosen_over_stopped_ones()
    {
        var web = Container("web", "running");

        var chosen = ContainerSelector.Select([Container("old", "exited"), web], FindCriteria.None);

        Assert.Same(web, chosen);
    }

    [Fact]
    public void No_labelled_container_says_how_to_add_the_label()
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select([], FindCriteria.None));

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
            () => ContainerSelector.Select([Container("proj-web-1", "exited", "Exited (0) 2 minutes ago")], FindCriteria.None));

        Assert.Equal(
            "container proj-web-1 carries the label app.rind but is not running (Exited (0) 2 minutes ago): " +
            "start it (docker start proj-web-1, or docker compose up -d)",
            exception.Message);
    }

    [Fact]
    public void A_paused_container_is_not_running()
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select([Container("web", "paused")], FindCriteria.None));

        Assert.Contains("web carries the label app.rind but is not running", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_stopped_containers_are_all_named()
    {
        var exception = Assert.Throws<RindException>(
            () => ContainerSelector.Select([Container("b", "exited"), Container("a", "created")], FindCriteria.None));

        Assert.StartsWith("containers a, b carry the label app.rind but none is running", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_running_containers_are_listed_with_the_option_that_picks_each()
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select(
            [Compose("shop-web-1", "shop", "web", "/src/shop"), Compose("blog-api-1", "blog", "api", "/src/blog"), Container("plain", "running"), Container("x", "exited")],
            new FindCriteria(null, null, "/tmp")));

        Assert.Equal(
            "3 running containers carry the label app.rind; choose one:\n" +
            "  blog-api-1 (service api, project blog): rind -s api\n" +
            "  plain: rind -c plain\n" +
            "  shop-web-1 (service web, project shop): rind -s web",
            exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Fact]
    public void A_service_shared_by_several_projects_is_picked_by_container_name()
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select(
            [Compose("shop-web-1", "shop", "web", "/src/shop"), Compose("blog-web-1", "blog", "web", "/src/blog")], FindCriteria.None));

        Assert.Contains("blog-web-1 (service web, project blog): rind -c blog-web-1", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/src/shop", "shop-web-1")]
    [InlineData("/src/shop/app/models", "shop-web-1")]
    [InlineData("/src/blog/", "blog-web-1")]
    public void The_project_whose_folder_holds_the_current_directory_wins(string currentDirectory, string expected)
    {
        var chosen = ContainerSelector.Select(
            [Compose("shop-web-1", "shop", "web", "/src/shop"), Compose("blog-web-1", "blog", "web", "/src/blog")],
            new FindCriteria(null, null, currentDirectory));

        Assert.Equal(expected, chosen.DisplayName);
    }

    [Fact]
    public void A_folder_that_only_starts_like_a_project_folder_is_not_in_it()
    {
        Assert.Throws<RindException>(() => ContainerSelector.Select(
            [Compose("shop-web-1", "shop", "web", "/src/shop"), Compose("blog-web-1", "blog", "web", "/src/blog")],
            new FindCriteria(null, null, "/src/shopping")));
    }

    [Fact]
    public void The_deepest_project_folder_wins_when_projects_nest()
    {
        var chosen = ContainerSelector.Select(
            [Compose("mono-web-1", "mono", "web", "/src/mono"), Compose("tool-web-1", "tool", "web", "/src/mono/tools/tool")],
            new FindCriteria(null, null, "/src/mono/tools/tool/lib"));

        Assert.Equal("tool-web-1", chosen.DisplayName);
    }

    [Fact]
    public void Several_labelled_services_in_the_current_project_stay_a_choice()
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select(
            [Compose("shop-web-1", "shop", "web", "/src/shop"), Compose("shop-worker-1", "shop", "worker", "/src/shop"), Compose("blog-web-1", "blog", "web", "/src/blog")],
            new FindCriteria(null, null, "/src/shop")));

        Assert.StartsWith("2 running containers carry the label app.rind; choose one:", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("blog", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_service_option_picks_the_service_and_the_project_still_decides_between_projects()
    {
        var chosen = ContainerSelector.Select(
            [Compose("shop-web-1", "shop", "web", "/src/shop"), Compose("shop-worker-1", "shop", "worker", "/src/shop"), Compose("blog-worker-1", "blog", "worker", "/src/blog")],
            new FindCriteria("worker", null, "/src/blog/x"));

        Assert.Equal("blog-worker-1", chosen.DisplayName);
    }

    [Theory]
    [InlineData("shop-worker-1")]
    [InlineData("workerid")]
    public void The_container_option_picks_by_name_or_id_prefix(string wanted)
    {
        var chosen = ContainerSelector.Select(
            [Compose("shop-web-1", "shop", "web", "/src/shop"), Compose("shop-worker-1", "shop", "worker", "/src/shop") with { Id = "workerid0123" }],
            new FindCriteria(null, wanted, "/src/shop"));

        Assert.Equal("shop-worker-1", chosen.DisplayName);
    }

    [Fact]
    public void An_unknown_service_names_the_labelled_containers()
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select(
            [Compose("shop-web-1", "shop", "web", "/src/shop")], new FindCriteria("db", null, null)));

        Assert.Equal(
            "no container of the service db carries the label app.rind (those that do: shop-web-1 (service web, project shop))",
            exception.Message);
    }

    [Fact]
    public void An_unknown_container_is_a_one_line_error()
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select(
            [Compose("shop-web-1", "shop", "web", "/src/shop")], new FindCriteria(null, "nope", null)));

        Assert.StartsWith("no container carrying the label app.rind is named nope or has an id starting with it", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stopped_container_of_the_current_project_is_reported_with_the_command_that_starts_it()
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select(
            [Compose("shop-web-1", "shop", "web", "/src/shop", "exited"), Compose("blog-web-1", "blog", "web", "/src/blog", "exited")],
            new FindCriteria(null, null, "/src/shop/app")));

        Assert.Equal(
            "container shop-web-1 (service web, project shop) carries the label app.rind but is not running (exited): " +
            "start it (docker compose -p shop start web)",
            exception.Message);
    }

    [Theory]
    [InlineData("1.29.2", "docker-compose -p shop start web")]
    [InlineData("2.24.6", "docker compose -p shop start web")]
    [InlineData(null, "docker compose -p shop start web")]
    public void The_start_command_names_the_compose_that_made_the_container(string? version, string expected)
    {
        var container = WithVersion(Compose("shop-web-1", "shop", "web", "/src/shop", "exited"), version);

        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select([container], FindCriteria.None));

        Assert.EndsWith($"start it ({expected})", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compose_1_container_with_a_project_a_shell_would_split_is_started_with_docker_compose_and_quoted()
    {
        var container = WithVersion(Compose("my shop-web-1", "my shop", "web", "/src/shop", "exited"), "1.29.2");

        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select([container], FindCriteria.None));

        Assert.EndsWith("start it (docker-compose -p 'my shop' start web)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compose_1_container_that_cannot_be_named_by_service_is_started_with_docker_start_or_docker_compose()
    {
        var container = Container("web-1", "exited") with
        {
            Labels = new Dictionary<string, string> { ["app.rind"] = "", ["com.docker.compose.version"] = "1.29.2" },
        };

        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select([container], FindCriteria.None));

        Assert.EndsWith("start it (docker start web-1, or docker-compose up -d)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_container_is_named_without_the_engines_leading_slash()
    {
        Assert.Equal("web", Container("web", "running").DisplayName);
    }

    private static ContainerSummary Compose(string name, string project, string service, string folder, string state = "running") =>
        Container(name, state) with
        {
            Labels = new Dictionary<string, string>
            {
                ["app.rind"] = "",
                ["com.docker.compose.project"] = project,
                ["com.docker.compose.service"] = service,
                ["com.docker.compose.project.working_dir"] = folder,
            },
        };

    private static ContainerSummary WithVersion(ContainerSummary container, string? version) =>
        version is null
            ? container
            : container with { Labels = new Dictionary<string, string>(container.Labels!) { ["com.docker.compose.version"] = version } };

    private static ContainerSummary Container(string name, string state, string status = "") => new()
    {
        Id = name + "0123456789abcdef",
        Names = ["/" + name],
        State = state,
        Status = status,
    };
}
