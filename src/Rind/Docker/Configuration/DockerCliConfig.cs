namespace Rind.Docker.Configuration;

/// <summary>
/// What rind reads of the Docker CLI's config.json.
/// </summary>
internal sealed record DockerCliConfig
{
    public static readonly DockerCliConfig Empty = new();

    public string? DetachKeys { get; init; }

    /// <summary>The context <c>docker context use</c> chose.</summary>
    public string? CurrentContext { get; init; }
}
