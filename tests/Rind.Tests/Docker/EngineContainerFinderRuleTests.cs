using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Rind.Backends;
using Rind.Docker;
using Rind.Docker.Models;
using Rind.Tests.Fakes;

namespace Rind.Tests.Docker;

/// <summary>
/// Which rule finds the container: the compose project of the current folder, then the dev container
/// of the current folder, then the labelled containers wherever they are.
/// </summary>
public sealed class EngineContainerFinderRuleTests
{
    private static readonly ContainerSummary ShopWeb = Labelled("shop-web-1", composeFolder: "/home/me/shop");
    private static readonly ContainerSummary Lone = Labelled("lone");
    private static readonly ContainerSummary BlogDev = DevContainer("blog-dev", "/home/me/blog");

    private readonly Mock<IDockerEngine> _engine = new(MockBehavior.Strict);

    public EngineContainerFinderRuleTests()
    {
        _engine.Setup(e => e.InspectContainer(It.IsAny<string>())).Returns(new ContainerInspectResponse { State = new ContainerState { Running = true, StartedAt = "t1" } });
    }

    [Fact]
    public void The_compose_projects_labelled_container_comes_first_and_no_dev_container_is_asked_for()
    {
        Given(labelled: [ShopWeb, Lone], devContainers: [DevContainer("shop-dev", "/home/me/shop")]);

        var found = Find("/home/me/shop/src");

        Assert.Equal("shop-web-1", found.DisplayName);
        Assert.EndsWith("in the compose project whose folder /home/me/shop holds the current one", found.FoundBy, StringComparison.Ordinal);
        _engine.Verify(e => e.ListContainersWithLabel("devcontainer.local_folder"), Times.Never);
    }

    [Fact]
    public void The_dev_container_of_the_folder_comes_before_a_lone_labelled_container_of_another_project()
    {
        Given(labelled: [Lone], devContainers: [BlogDev]);

        var found = Find("/home/me/blog/posts");

        Assert.Equal("blog-dev", found.DisplayName);
        Assert.StartsWith("dev container blog-dev (", found.FoundBy, StringComparison.Ordinal);
        Assert.EndsWith("of /home/me/blog (devcontainer.local_folder) holds the current folder", found.FoundBy, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_every_dev_containers_folder_the_labelled_container_is_found_as_before()
    {
        Given(labelled: [Lone], devContainers: [BlogDev]);

        var found = Find("/home/me/elsewhere");

        Assert.Equal("lone", found.DisplayName);
        Assert.Equal($"container lone ({Lone.Id}) carries the label app.rind", found.FoundBy);
    }

    [Fact]
    public void Without_labelled_containers_a_dev_container_outside_its_folder_is_never_chosen()
    {
        Given(labelled: [], devContainers: [BlogDev]);

        var exception = Assert.Throws<RindException>(() => Find("/home/me/elsewhere"));

        Assert.StartsWith("no running container carries the label app.rind", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_asked_for_chooses_among_the_labelled_containers_alone()
    {
        Given(labelled: [ShopWeb], devContainers: [BlogDev]);

        var found = Find("/home/me/blog", new FindCriteria("web", null, null));

        Assert.Equal("shop-web-1", found.DisplayName);
    }

    [Fact]
    public void Dash_c_names_a_dev_container_that_carries_no_label_wherever_rind_runs()
    {
        Given(labelled: [Lone], devContainers: [BlogDev]);

        var found = Find("/tmp", new FindCriteria(null, "blog-dev", null));

        Assert.Equal(BlogDev.Id, found.Id);
    }

    [Fact]
    public void Dash_c_naming_a_labelled_container_asks_for_no_dev_container()
    {
        Given(labelled: [Lone], devContainers: [BlogDev]);

        Assert.Equal("lone", Find("/home/me/blog", new FindCriteria(null, "lone", null)).DisplayName);
        _engine.Verify(e => e.ListContainersWithLabel("devcontainer.local_folder"), Times.Never);
    }

    private Candidate Find(string currentDirectory, FindCriteria? criteria = null) =>
        new EngineContainerFinder(() => _engine.Object, sharesFileSystem: true, new FakeEnvironment(), TimeSpan.FromSeconds(5), NullLogger.Instance)
            .Find((criteria ?? FindCriteria.None) with { CurrentDirectory = currentDirectory });

    private void Given(IReadOnlyList<ContainerSummary> labelled, IReadOnlyList<ContainerSummary> devContainers)
    {
        _engine.Setup(e => e.ListContainersWithLabel("app.rind")).Returns(labelled);
        _engine.Setup(e => e.ListContainersWithLabel("devcontainer.local_folder")).Returns(devContainers);
    }

    private static ContainerSummary Labelled(string name, string? composeFolder = null)
    {
        var labels = new Dictionary<string, string> { ["app.rind"] = "" };
        if (composeFolder is not null)
        {
            labels["com.docker.compose.project.working_dir"] = composeFolder;
            labels["com.docker.compose.project"] = "shop";
            labels["com.docker.compose.service"] = "web";
        }

        return new ContainerSummary { Id = IdOf(name), Names = ["/" + name], State = "running", Labels = labels };
    }

    private static ContainerSummary DevContainer(string name, string folder) => new()
    {
        Id = IdOf(name),
        Names = ["/" + name],
        State = "running",
        Labels = new Dictionary<string, string>
        {
            ["devcontainer.local_folder"] = folder,
            ["devcontainer.metadata"] = """[{"userEnvProbe": "none"}]""",
        },
    };

    private static string IdOf(string name) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)));
}
