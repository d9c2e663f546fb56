namespace Rind.Docker.DevContainers;

/// <summary>The labels the dev container tools (VS Code, the devcontainer CLI) put on the container of a workspace.</summary>
internal static class DevContainerLabels
{
    /// <summary>The workspace's folder on the host; with a compose file, on its primary service's container.</summary>
    public const string LocalFolder = "devcontainer.local_folder";

    /// <summary>The devcontainer.json it was made from, which tells several dev containers of one folder apart.</summary>
    public const string ConfigFile = "devcontainer.config_file";

    /// <summary>The merged settings of the image, the features and devcontainer.json, as a JSON array.</summary>
    public const string Metadata = "devcontainer.metadata";
}
