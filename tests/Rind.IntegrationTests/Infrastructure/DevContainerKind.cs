namespace Rind.IntegrationTests.Infrastructure;

/// <summary>How a dev container's devcontainer.json makes it.</summary>
public enum DevContainerKind
{
    /// <summary>From an image, with <c>image</c>, <c>runArgs</c> and <c>workspaceMount</c>.</summary>
    Image,

    /// <summary>As a service of a compose file, with <c>dockerComposeFile</c> and <c>service</c>.</summary>
    Compose,
}
