using Rind.Docker.Models;
using Rind.Transport.Http;

namespace Rind.Docker;

/// <summary>
/// The few Docker Engine API calls rind makes, in the API version settled when the client connected.
/// Every call blocks until answered.
/// </summary>
internal interface IDockerEngine : IDisposable
{
    /// <summary>The API version spoken with the engine.</summary>
    ApiVersion Version { get; }

    /// <summary>Containers in any state that carry <paramref name="label"/>, filtered by the engine.</summary>
    IReadOnlyList<ContainerSummary> ListContainersWithLabel(string label);

    /// <summary>What the engine knows of one container: its state and its configuration.</summary>
    ContainerInspectResponse InspectContainer(string containerId);

    string CreateExec(string containerId, ExecCreateRequest request);

    /// <summary>Starts an exec attached: its output arrives on the stream, and what is written reaches its stdin.</summary>
    UpgradedStream StartExec(string execId, ExecStartRequest request);

    /// <summary>Starts an exec without attaching to it.</summary>
    void StartExecDetached(string execId);

    /// <summary>Sets the size of an exec's terminal.</summary>
    void ResizeExec(string execId, int rows, int columns);

    ExecInspectResponse InspectExec(string execId);
}
