using Docker.DotNet.Models;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// A test image with labels of its own, as an image's author sets them with LABEL; removed again.
/// </summary>
public sealed class LabelledImage : IAsyncDisposable
{
    private const string Tag = "latest";

    private LabelledImage(string repository) => Name = $"{repository}:{Tag}";

    public string Name { get; }

    /// <param name="labels">Names and values; a value must hold no double quote, backslash or line break, which LABEL reads as syntax.</param>
    public static async Task<LabelledImage> CreateAsync(string baseImage, IReadOnlyDictionary<string, string> labels)
    {
        var repository = $"rind-test/labelled-{Guid.NewGuid().ToString("N")[..10]}";

        // One LABEL each: Podman 4.3 reads all after the first = of a LABEL as one value. Changes,
        // not labels in the request's config, which Podman ignores.
        var changes = labels.Select(label => $"LABEL {label.Key}=\"{label.Value}\"").ToList();

        // Made from a container that is never started; it carries the tests' label like any other.
        var source = await TestEngine.CreateContainerAsync(new CreateContainerParameters { Image = baseImage });
        try
        {
            await TestEngine.CommitAsync(source, repository, Tag, changes);
        }
        finally
        {
            await TestEngine.RemoveContainerAsync(source);
        }

        return new LabelledImage(repository);
    }

    public async ValueTask DisposeAsync() => await TestEngine.RemoveImageAsync(Name);
}
