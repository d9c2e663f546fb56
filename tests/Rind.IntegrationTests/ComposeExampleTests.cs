using System.Text.RegularExpressions;
using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>
/// The compose file a newcomer copies from the README, run by docker-compose as a newcomer would, in an
/// image that, like python:3.12, exits at once unless the file keeps it up.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed partial class ComposeExampleTests : IClassFixture<ExitingImage>
{
    [Fact]
    public async Task The_readmes_compose_example_stays_up_and_rind_runs_there_in_the_folder_matching_the_current_one()
    {
        var (composeFile, service) = ReadmeExample();
        await using var project = await ComposeProject.UpAsync(composeFile, service, ExitingImage.Name);
        var folder = Directory.CreateDirectory(Path.Combine(project.Folder, "app"));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "hello.txt"), "hello from the project\n");

        var result = await RindBinary.RunAsync(["sh", "-c", "pwd; cat hello.txt"], workingDirectory: folder.FullName);

        Assert.Equal("/code/app\nhello from the project\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task A_stopped_container_of_docker_compose_1_is_started_with_docker_compose()
    {
        var (composeFile, service) = ReadmeExample();
        await using var project = await ComposeProject.UpAsync(composeFile, service, ExitingImage.Name);
        await project.ComposeAsync("stop", "--timeout", "0");

        var result = await RindBinary.RunAsync(["true"], workingDirectory: project.Folder);

        Assert.Equal(125, result.ExitCode);
        Assert.EndsWith($"start it (docker-compose -p {project.Name} start {service})\n", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The first yaml block under "## Mark the container" in README.md, and its service.</summary>
    private static (string ComposeFile, string Service) ReadmeExample()
    {
        var readme = File.ReadAllText(Path.Combine(RindBinary.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("\n## Mark the container\n", StringComparison.Ordinal)..];
        var block = YamlBlock().Match(section);
        Assert.True(block.Success, "README.md has no yaml block under \"## Mark the container\"");
        var service = FirstService().Match(block.Groups["yaml"].Value);
        Assert.True(service.Success, $"the README's compose example names no service:\n{block.Groups["yaml"].Value}");
        return (block.Groups["yaml"].Value, service.Groups["name"].Value);
    }

    [GeneratedRegex("```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    [GeneratedRegex(@"^services:\n +(?<name>[\w.-]+):", RegexOptions.Multiline)]
    private static partial Regex FirstService();
}
