using Microsoft.Extensions.Logging;
using Rind.Cli;

namespace Rind.Backends;

/// <summary>Picks the backend and the finder for an invocation: the cluster with --kube, else the engine.</summary>
internal interface IBackendRegistry
{
    /// <summary>Opens what the invocation asks for; nothing of another backend is read or set up.</summary>
    OpenedBackend Open(Invocation invocation, ILogger logger);
}
