namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// A test image with labels of its own, as an image's author sets them with LABEL; removed again.
/// </summary>
public sealed class LabelledImage : IAsyncDisposable
{
    private LabelledImage(string name) => Name = name;

    public string Name { get; }

    /// <param name="labels">Names and values; a value must hold no double quote or backslash, which LABEL reads as syntax.</param>
    public static async Task<LabelledImage> CreateAsync(string baseImage, IReadOnlyDictionary<string, string> labels)
    {
        var name = $"rind-test/labelled-{Guid.NewGuid().ToString("N")[..10]}:latest";
        var change = "LABEL " + string.Join(' ', labels.Select(label => $"{label.Key}=\"{label.Value}\""));

        // Made from a container that is never started; it carries the tests' label like any other.
        var source = await DockerCli.RunAsync("create", "--label", DockerCli.TestLabel, baseImage);
        try
        {
            await DockerCli.RunAsync("commit", "--change", change, source, name);
        }
        finally
        {
            await DockerCli.RemoveAsync(source);
        }

        return new LabelledImage(name);
    }

    public async ValueTask DisposeAsync() => await DockerCli.RunAsync("rmi", "--force", Name);
}
