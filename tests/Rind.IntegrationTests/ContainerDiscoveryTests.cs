using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class ContainerDiscoveryTests
{
    [Trait("Category", "Representative")]
    [Fact]
    public async Task The_command_runs_in_the_one_running_labelled_container()
    {
        await using var unlabelled = await LabelledContainer.StartAsync(labelled: false);
        await using var labelled = await LabelledContainer.StartAsync();

        var result = await RindBinary.RunAsync(["hostname"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(labelled.Id[..12], result.Stdout.Trim());
    }

    [Fact]
    public async Task Without_a_labelled_container_rind_says_how_to_add_the_label()
    {
        await using var unlabelled = await LabelledContainer.StartAsync(labelled: false);

        var result = await RindBinary.RunAsync(["true"]);

        Assert.Equal(125, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(
            "rind: no running container carries the label app.rind: add it to the service to run in " +
            "(labels: [app.rind] in the compose file) and start the stack (docker compose up -d)\n",
            result.Stderr);
    }

    [Fact]
    public async Task A_stopped_labelled_container_is_named_as_not_running()
    {
        await using var container = await LabelledContainer.StartAsync();
        await container.StopAsync();

        var result = await RindBinary.RunAsync(["true"]);

        Assert.Equal(125, result.ExitCode);
        Assert.StartsWith($"rind: container {container.Name} carries the label app.rind but is not running (Exited", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith($"start it (docker start {container.Name}, or docker compose up -d)\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_running_labelled_containers_are_listed_with_the_option_that_picks_each()
    {
        await using var first = await LabelledContainer.StartAsync();
        await using var second = await LabelledContainer.StartAsync();

        var result = await RindBinary.RunAsync(["true"]);

        Assert.Equal(125, result.ExitCode);
        var lines = new[] { first.Name, second.Name }.Order(StringComparer.Ordinal).Select(name => $"  {name}: rind -c {name}\n");
        Assert.Equal("rind: 2 running containers carry the label app.rind; choose one:\n" + string.Concat(lines), result.Stderr);
    }
}
