using System.Text.Json;
using Rind.Serialization;

namespace Rind.Docker.DevContainers;

/// <summary>What the label devcontainer.metadata says of how the tools run commands, its entries merged in order.</summary>
/// <param name="RemoteUser">The user the tools run as; the last entry that sets it wins.</param>
/// <param name="ContainerUser">The user the container runs as, which the tools fall back to.</param>
/// <param name="RemoteEnv">Variables for the tools' processes, later entries over earlier ones; null unsets.</param>
internal sealed record DevContainerMetadata(string? RemoteUser, string? ContainerUser, IReadOnlyDictionary<string, string?> RemoteEnv, UserEnvProbe Probe)
{
    /// <summary>The most of the label read; the tools' own are a few KiB.</summary>
    public const int MaxLength = 1024 * 1024;

    public static readonly DevContainerMetadata Empty = new(null, null, new Dictionary<string, string?>(), UserEnvProbe.LoginInteractiveShell);

    /// <summary>The user commands run as: remoteUser, else containerUser, else null for the image's.</summary>
    public string? User => RemoteUser ?? ContainerUser;

    /// <exception cref="JsonException">The label is not the tools' JSON.</exception>
    public static DevContainerMetadata Parse(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return Empty;
        }

        if (label.Length > MaxLength)
        {
            throw new JsonException($"it is longer than {MaxLength / 1024} KiB");
        }

        var entries = label.TrimStart().StartsWith('{')
            ? [JsonSerializer.Deserialize(label, RindJsonContext.Default.DevContainerMetadataEntry)]
            : JsonSerializer.Deserialize(label, RindJsonContext.Default.DevContainerMetadataEntryArray) ?? [];
        var merged = Empty with { RemoteEnv = new Dictionary<string, string?>(StringComparer.Ordinal) };
        var remoteEnv = (Dictionary<string, string?>)merged.RemoteEnv;
        foreach (var entry in entries.OfType<DevContainerMetadataEntry>())
        {
            merged = merged with
            {
                RemoteUser = NotEmpty(entry.RemoteUser) ?? merged.RemoteUser,
                ContainerUser = NotEmpty(entry.ContainerUser) ?? merged.ContainerUser,
                Probe = ProbeOf(entry.UserEnvProbe) ?? merged.Probe,
            };
            foreach (var (name, value) in entry.RemoteEnv ?? [])
            {
                remoteEnv[name] = value;
            }
        }

        return merged;
    }

    private static UserEnvProbe? ProbeOf(string? value) => value switch
    {
        "none" => UserEnvProbe.None,
        "loginShell" => UserEnvProbe.LoginShell,
        "interactiveShell" => UserEnvProbe.InteractiveShell,
        "loginInteractiveShell" => UserEnvProbe.LoginInteractiveShell,
        _ => null,
    };

    private static string? NotEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
