using Rind.Engine.Models;

namespace Rind.Engine;

/// <summary>
/// The few Docker Engine API calls rind makes.
/// </summary>
internal interface IDockerEngine : IDisposable
{
    /// <summary>Checks the engine answers and settles the API version to speak.</summary>
    Task<ApiVersion> ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Containers in any state that carry <paramref name="label"/>, filtered by the engine.</summary>
    Task<IReadOnlyList<ContainerSummary>> ListContainersWithLabelAsync(string label, CancellationToken cancellationToken);

    Task<string> CreateExecAsync(string containerId, ExecCreateRequest request, CancellationToken cancellationToken);

    Task<IExecConnection> StartExecAsync(string execId, ExecStartRequest request, CancellationToken cancellationToken);

    /// <summary>Starts an exec without attaching to it.</summary>
    Task StartExecDetachedAsync(string execId, CancellationToken cancellationToken);

    /// <summary>Sets the size of an exec's terminal.</summary>
    Task ResizeExecAsync(string execId, int rows, int columns, CancellationToken cancellationToken);

    Task<ExecInspectResponse> InspectExecAsync(string execId, CancellationToken cancellationToken);
}
