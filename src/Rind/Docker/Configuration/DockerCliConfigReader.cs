using System.Text.Json;
using Rind.Diagnostics;
using Rind.Platform;
using Rind.Serialization;

namespace Rind.Docker.Configuration;

/// <summary>
/// Finds and reads the Docker CLI's config.json: in the folder DOCKER_CONFIG names, else ~/.docker.
/// </summary>
internal static class DockerCliConfigReader
{
    /// <summary>Far more than settings and credentials take; a larger file is refused rather than read.</summary>
    private const int MaxBytes = 4 * 1024 * 1024;

    public static string? ConfigDirectory(IEnvironment environment)
    {
        var configured = environment.GetVariable("DOCKER_CONFIG");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var home = environment.GetVariable("HOME");
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".docker");
    }

    /// <summary>The settings, or <see cref="DockerCliConfig.Empty"/> when there is no file.</summary>
    public static DockerCliConfig Read(IEnvironment environment)
    {
        var directory = ConfigDirectory(environment);
        if (directory is null)
        {
            return DockerCliConfig.Empty;
        }

        var path = Path.Combine(directory, "config.json");
        try
        {
            return SmallFile.ReadOrNull(path, MaxBytes) is { } content
                ? JsonSerializer.Deserialize(content, RindJsonContext.Default.DockerCliConfig) ?? DockerCliConfig.Empty
                : DockerCliConfig.Empty;
        }
        catch (JsonException exception)
        {
            throw new RindException($"cannot read the Docker CLI's config file {path}: {JsonFailure.Describe(exception)}", innerException: exception);
        }
        catch (IOException exception)
        {
            throw new RindException($"cannot read the Docker CLI's config file {path}: {exception.Message}", innerException: exception);
        }
    }
}
