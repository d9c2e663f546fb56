using System.Text.Json.Serialization;

namespace Rind.Docker.Configuration;

/// <summary>One endpoint of a context's meta.json; rind reads the one named "docker".</summary>
internal sealed record DockerContextEndpoint
{
    public string? Host { get; init; }

    [JsonPropertyName("SkipTLSVerify")]
    public bool SkipTlsVerify { get; init; }
}
