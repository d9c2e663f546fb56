namespace Rind.Docker.DevContainers;

/// <summary>Which shell of the remote user gives the environment commands run with (devcontainer.json's userEnvProbe).</summary>
internal enum UserEnvProbe
{
    /// <summary>None: the container's own environment.</summary>
    None,

    /// <summary>A login shell: its profile files.</summary>
    LoginShell,

    /// <summary>An interactive shell: its rc file.</summary>
    InteractiveShell,

    /// <summary>Both, the default: what a terminal the user opens would have.</summary>
    LoginInteractiveShell,
}
