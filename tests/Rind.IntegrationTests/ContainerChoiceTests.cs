using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>
/// Two compose projects at once, as docker compose labels their containers, each in a folder of its own.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ContainerChoiceTests : IAsyncLifetime
{
    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("rind-it-projects-");
    private readonly List<LabelledContainer> _containers = [];

    private string Shop => Path.Combine(_workspace.FullName, "shop");

    private string Blog => Path.Combine(_workspace.FullName, "blog");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Shop, "app", "models"));
        Directory.CreateDirectory(Path.Combine(Blog, "posts"));
        await StartAsync("shop", "web", Shop);
        await StartAsync("shop", "worker", Shop, labelled: false);
        await StartAsync("blog", "web", Blog);
        await StartAsync("blog", "worker", Blog);
    }

    public async Task DisposeAsync()
    {
        foreach (var container in _containers)
        {
            await container.DisposeAsync();
        }

        _workspace.Delete(recursive: true);
    }

    [Theory]
    [InlineData("shop", "shop-web")]
    [InlineData("shop/app/models", "shop-web")]
    public async Task The_container_of_the_project_you_stand_in_is_chosen(string folder, string expected)
    {
        var result = await RindBinary.RunAsync(["sh", "-c", "echo $PROJECT_SERVICE"], workingDirectory: Path.Combine(_workspace.FullName, folder));

        Assert.Equal(expected + "\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Several_labelled_services_of_your_project_are_listed_with_their_options()
    {
        var result = await RindBinary.RunAsync(["true"], workingDirectory: Path.Combine(Blog, "posts"));

        Assert.Equal(125, result.ExitCode);
        Assert.StartsWith("rind: 2 running containers carry the label app.rind; choose one:\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(" (service web, project blog): rind -s web\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(" (service worker, project blog): rind -s worker\n", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("project shop", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_option_picks_the_service_of_your_project()
    {
        var result = await RindBinary.RunAsync(["-s", "worker", "sh", "-c", "echo $PROJECT_SERVICE"], workingDirectory: Blog);

        Assert.Equal("blog-worker\n", result.Stdout);
    }

    [Fact]
    public async Task RIND_SERVICE_picks_like_the_service_option()
    {
        var result = await RindBinary.RunAsync(
            ["sh", "-c", "echo $PROJECT_SERVICE"], environment: new Dictionary<string, string?> { ["RIND_SERVICE"] = "web" }, workingDirectory: Blog);

        Assert.Equal("blog-web\n", result.Stdout);
    }

    [Fact]
    public async Task The_container_option_and_RIND_CONTAINER_pick_by_name_from_anywhere()
    {
        var byOption = await RindBinary.RunAsync(["-c", _containers[0].Name, "sh", "-c", "echo $PROJECT_SERVICE"], workingDirectory: "/");
        var byVariable = await RindBinary.RunAsync(
            ["sh", "-c", "echo $PROJECT_SERVICE"],
            environment: new Dictionary<string, string?> { ["RIND_CONTAINER"] = _containers[2].Id[..12] },
            workingDirectory: "/");

        Assert.Equal("shop-web\n", byOption.Stdout);
        Assert.Equal("blog-web\n", byVariable.Stdout);
    }

    [Fact]
    public async Task Outside_every_project_all_candidates_are_listed()
    {
        var result = await RindBinary.RunAsync(["true"], workingDirectory: "/");

        Assert.Equal(125, result.ExitCode);
        Assert.StartsWith("rind: 3 running containers carry the label app.rind; choose one:\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("(service web, project shop): rind -c ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopped_labelled_container_of_your_project_is_reported_with_the_command_that_starts_it()
    {
        await _containers[0].StopAsync();

        var result = await RindBinary.RunAsync(["true"], workingDirectory: Shop);

        Assert.Equal(125, result.ExitCode);
        Assert.StartsWith($"rind: container {_containers[0].Name} (service web, project shop) carries the label app.rind but is not running (", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("start it (docker compose -p shop start web)\n", result.Stderr, StringComparison.Ordinal);
    }

    private async Task StartAsync(string project, string service, string folder, bool labelled = true)
    {
        _containers.Add(await LabelledContainer.StartAsync(
            TestImages.Busybox,
            labelled: labelled,
            labels: new Dictionary<string, string>
            {
                ["com.docker.compose.project"] = project,
                ["com.docker.compose.service"] = service,
                ["com.docker.compose.project.working_dir"] = folder,
            },
            environment: [$"PROJECT_SERVICE={project}-{service}"]));
    }
}
