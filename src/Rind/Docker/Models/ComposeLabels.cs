namespace Rind.Docker.Models;

/// <summary>The labels docker compose puts on the containers it makes.</summary>
internal static class ComposeLabels
{
    public const string Project = "com.docker.compose.project";

    public const string Service = "com.docker.compose.service";

    public const string WorkingDirectory = "com.docker.compose.project.working_dir";

    /// <summary>The version of compose that made the container: 1.x for the Python docker-compose, 2.x for the docker compose plugin.</summary>
    public const string Version = "com.docker.compose.version";
}
