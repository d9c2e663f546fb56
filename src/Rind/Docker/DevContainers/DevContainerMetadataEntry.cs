namespace Rind.Docker.DevContainers;

/// <summary>
/// One entry of the label devcontainer.metadata: the settings of the image, a feature, or devcontainer.json,
/// in the order the dev container's tools merged them. Only what a command run there needs is read.
/// </summary>
internal sealed record DevContainerMetadataEntry
{
    public string? RemoteUser { get; init; }

    public string? ContainerUser { get; init; }

    /// <summary>Variables for the tools' processes; a null value unsets one.</summary>
    public Dictionary<string, string?>? RemoteEnv { get; init; }

    /// <summary>none, loginShell, interactiveShell or loginInteractiveShell.</summary>
    public string? UserEnvProbe { get; init; }
}
