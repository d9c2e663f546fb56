using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class ArgumentTests
{
    private const string ExpectedWords = "[a  b]\n[$(id)]\n[]\n[*]\n[\"q\"]\n['s']\n[back\\slash]\n[tab\there]\n";

    private static readonly string[] Words = ["printf", "[%s]\\n", "a  b", "$(id)", "", "*", "\"q\"", "'s'", "back\\slash", "tab\there"];

    public static TheoryData<string, string?> Containers() => new()
    {
        { TestImages.Busybox, null },
        { TestImages.Busybox, "source /venv/bin/activate" },
        { TestImages.Dash, null },
        { TestImages.Dash, "source /venv/bin/activate" },
    };

    [Trait("Category", "Representative")]
    [Theory]
    [MemberData(nameof(Containers))]
    public async Task Arguments_reach_the_command_unchanged_with_or_without_a_pre_step(string image, string? preStep)
    {
        await using var container = await LabelledContainer.StartAsync(image, preStep);

        var result = await RindBinary.RunAsync(Words);

        // All at once, so that a failure shows what rind said and how it ended along with what it printed.
        Assert.Equal((ExpectedWords, "", 0), (result.Stdout, result.Stderr, result.ExitCode));
    }

    [Fact]
    public async Task Options_after_the_command_belong_to_the_command()
    {
        await using var container = await LabelledContainer.StartAsync();

        var result = await RindBinary.RunAsync(["ls", "-la", "/venv"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(" bin", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(" ..", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Double_dash_passes_options_that_look_like_rinds_to_the_command()
    {
        await using var container = await LabelledContainer.StartAsync();

        var result = await RindBinary.RunAsync(["--", "echo", "--version", "-v"]);

        Assert.Equal("--version -v\n", result.Stdout);
    }

    [Fact]
    public async Task Non_ascii_arguments_arrive_as_utf8()
    {
        await using var container = await LabelledContainer.StartAsync();

        var result = await RindBinary.RunAsync(["printf", "%s", "héllo wörld ✓"]);

        Assert.Equal("héllo wörld ✓", result.Stdout);
    }
}
