namespace Rind.Docker.Configuration;

/// <summary>A context's meta.json in the Docker CLI's context store.</summary>
internal sealed record DockerContextMetadata
{
    public string? Name { get; init; }

    public IReadOnlyDictionary<string, DockerContextEndpoint>? Endpoints { get; init; }
}
