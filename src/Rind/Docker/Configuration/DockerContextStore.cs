using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rind.Diagnostics;
using Rind.Platform;
using Rind.Serialization;

namespace Rind.Docker.Configuration;

/// <summary>
/// Reads contexts from the Docker CLI's store: <c>contexts/meta/&lt;sha256 of the name&gt;/meta.json</c>,
/// with TLS files under <c>contexts/tls/&lt;sha256 of the name&gt;/docker/</c>, in the CLI's config folder.
/// </summary>
internal static class DockerContextStore
{
    /// <summary>A context's meta.json is a few hundred bytes.</summary>
    private const int MaxBytes = 1024 * 1024;

    /// <summary>More than anyone keeps; the rest are not read.</summary>
    private const int MaxContexts = 1000;

    /// <summary>The names of the contexts in the store, the built-in "default" first, as docker context ls lists them; a context that cannot be read is passed over.</summary>
    public static IReadOnlyList<string> Names(string configDirectory)
    {
        List<string> names = ["default"];
        var meta = Path.Combine(configDirectory, "contexts", "meta");
        if (!Directory.Exists(meta))
        {
            return names;
        }

        foreach (var folder in Directory.EnumerateDirectories(meta).Take(MaxContexts))
        {
            try
            {
                if (SmallFile.ReadOrNull(Path.Combine(folder, "meta.json"), MaxBytes) is { } content
                    && JsonSerializer.Deserialize(content, RindJsonContext.Default.DockerContextMetadata)?.Name is { Length: > 0 } name)
                {
                    names.Add(name);
                }
            }
            catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
            {
                // One unreadable context hides none of the others.
            }
        }

        return names;
    }

    public static DockerContext Read(string configDirectory, string name)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        var metaFile = Path.Combine(configDirectory, "contexts", "meta", id, "meta.json");
        DockerContextMetadata? metadata;
        try
        {
            var content = SmallFile.ReadOrNull(metaFile, MaxBytes) ?? throw new RindException(
                $"context \"{name}\" does not exist in {Path.Combine(configDirectory, "contexts")}: docker context ls lists the ones there are");
            metadata = JsonSerializer.Deserialize(content, RindJsonContext.Default.DockerContextMetadata);
        }
        catch (JsonException exception)
        {
            throw new RindException($"cannot read context \"{name}\" from {metaFile}: {JsonFailure.Describe(exception)}", innerException: exception);
        }
        catch (IOException exception)
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
