using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rind.Diagnostics;
using Rind.Engine;

namespace Rind.Configuration;

/// <summary>
/// Reads contexts from the Docker CLI's store: <c>contexts/meta/&lt;sha256 of the name&gt;/meta.json</c>,
/// with TLS files under <c>contexts/tls/&lt;sha256 of the name&gt;/docker/</c>, in the CLI's config folder.
/// </summary>
internal static class DockerContextStore
{
    public static DockerContext Read(string configDirectory, string name)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        var metaFile = Path.Combine(configDirectory, "contexts", "meta", id, "meta.json");
        DockerContextMetadata? metadata;
        try
        {
            using var stream = File.OpenRead(metaFile);
            metadata = JsonSerializer.Deserialize(stream, EngineJsonContext.Default.DockerContextMetadata);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RindException(
                $"context \"{name}\" does not exist in {Path.Combine(configDirectory, "contexts")}: docker context ls lists the ones there are",
                innerException: exception);
        }
        catch (JsonException exception)
        {
            throw new RindException($"cannot read context \"{name}\" from {metaFile}: {JsonFailure.Describe(exception)}", innerException: exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RindException($"cannot read context \"{name}\" from {metaFile}: {exception.Message}", innerException: exception);
        }

        var host = metadata?.Endpoints?.GetValueOrDefault("docker")?.Host;
        if (string.IsNullOrWhiteSpace(host))
        {
            throw new RindException($"context \"{name}\" ({metaFile}) names no Docker engine");
        }

        var tlsDirectory = Path.Combine(configDirectory, "contexts", "tls", id, "docker");
        return new DockerContext(
            name,
            host,
            metadata!.Endpoints!["docker"].SkipTlsVerify,
            Directory.Exists(tlsDirectory) ? tlsDirectory : null);
    }
}
