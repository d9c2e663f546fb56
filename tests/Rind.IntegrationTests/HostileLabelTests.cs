using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>
/// Labels that hold escape sequences, line breaks and C1 controls, as a compose file or an image's author
/// may set them: rind's messages show them as escapes, on the lines rind means to write.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class HostileLabelTests : IAsyncLifetime
{
    private const string TitleAndClear = "\u001b]0;pwned\u0007\u001b[2J";

    private readonly List<IAsyncDisposable> _made = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Containers first: an image in use cannot go.
        foreach (var made in Enumerable.Reverse(_made))
        {
            await made.DisposeAsync();
        }
    }

    [Fact]
    public async Task Hostile_compose_labels_are_shown_as_escapes_in_the_choice_of_containers()
    {
        var web = await StartAsync(TitleAndClear, "web\nrind: all is well\r\u001b[31m");
        var db = await StartAsync("shop\u009b8m", "my db");

        var result = await RindBinary.RunAsync(["true"], workingDirectory: "/");

        Assert.Equal(125, result.ExitCode);
        AssertNoControlCharacters(result.Stderr);
        var lines = result.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("rind: 2 running containers carry the label app.rind; choose one:", lines[0]);
        Assert.Contains(
            $"  {web.Name} (service web\\nrind: all is well\\r\\x1b[31m, project \\x1b]0;pwned\\x07\\x1b[2J): rind -c {web.Name}", lines);
        Assert.Contains($"  {db.Name} (service my db, project shop\\u009b8m): rind -s 'my db'", lines);
    }

    [Fact]
    public async Task The_suggested_command_for_a_service_a_shell_would_split_can_be_pasted()
    {
        await StartAsync("shop", "web");
        await StartAsync("shop", "my db", "PICKED=yes");
        var choice = await RindBinary.RunAsync(["true"], workingDirectory: "/");
        var suggested = choice.Stderr.Split('\n').Single(line => line.Contains("(service my db,", StringComparison.Ordinal));

        var pasted = await RindBinary.RunInShellAsync(
            "cd / && \"$RIND\" " + suggested[(suggested.IndexOf(": rind ", StringComparison.Ordinal) + ": rind ".Length)..] + " sh -c 'echo $PICKED'",
            TimeSpan.FromSeconds(60));

        Assert.Equal("yes\n", pasted.Stdout);
        Assert.Equal(0, pasted.ExitCode);
    }

    [Fact]
    public async Task A_stopped_container_whose_image_carries_hostile_labels_is_reported_on_one_line()
    {
        var image = await LabelledImage.CreateAsync(
            TestImages.Busybox,
            new Dictionary<string, string>
            {
                ["com.docker.compose.project"] = TitleAndClear,
                ["com.docker.compose.service"] = "web\u009b31m\u0007",
            });
        _made.Add(image);
        var container = await LabelledContainer.StartAsync(image.Name);
        _made.Add(container);
        await container.StopAsync();

        var result = await RindBinary.RunAsync(["true"], workingDirectory: "/");

        Assert.Equal(125, result.ExitCode);
        AssertNoControlCharacters(result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith(
            $"rind: container {container.Name} (service web\\u009b31m\\x07, project \\x1b]0;pwned\\x07\\x1b[2J) carries the label app.rind but is not running (",
            result.Stderr,
            StringComparison.Ordinal);
        Assert.EndsWith($"start it (docker start {container.Name}, or docker compose up -d)\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_shows_a_hostile_pre_step_on_its_own_line()
    {
        _made.Add(await LabelledContainer.StartAsync(preStep: $": '{TitleAndClear}\nrind: all is well'"));

        var result = await RindBinary.RunAsync(["-v", "echo", "ran"]);

        Assert.Equal("ran\n", result.Stdout);
        AssertNoControlCharacters(result.Stderr);
        Assert.Contains("rind: pre-step from the label: : '\\x1b]0;pwned\\x07\\x1b[2J\\nrind: all is well'\n", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\nrind: all is well", result.Stderr, StringComparison.Ordinal);
    }

    private static void AssertNoControlCharacters(string stderr) =>
        Assert.DoesNotContain(stderr, character => character is < ' ' and not '\n' or '\u007f' or (>= '\u0080' and <= '\u009f'));

    private async Task<LabelledContainer> StartAsync(string project, string service, string? environment = null)
    {
        var container = await LabelledContainer.StartAsync(
            TestImages.Busybox,
            labels: new Dictionary<string, string> { ["com.docker.compose.project"] = project, ["com.docker.compose.service"] = service },
            environment: environment is null ? [] : [environment]);
        _made.Add(container);
        return container;
    }
}
