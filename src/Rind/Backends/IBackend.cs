using Rind.Execution;
using Rind.Platform;

namespace Rind.Backends;

/// <summary>
/// Where commands run: a Docker (or Podman) engine, or a Kubernetes cluster. Its finders (<see cref="ICandidateFinder"/>)
/// say in which container; the backend starts commands there. Every call blocks until it is done; a
/// transport that is asynchronous underneath is waited on inside its implementation.
/// </summary>
internal interface IBackend : IDisposable
{
    /// <summary>Checks the backend answers, and tells what its execs can do.</summary>
    BackendTraits Connect();

    /// <summary>Starts the command of <paramref name="plan"/> in <paramref name="target"/>, its streams open.</summary>
    /// <param name="marker">Put into the command's environment, so that <see cref="Signal"/> finds its processes.</param>
    /// <param name="size">The terminal's size at the start, when the command gets a terminal and the size is known.</param>
    IExecProcess Start(Candidate target, ExecPlan plan, ProcessMarker marker, TerminalSize? size);

    /// <summary>
    /// Sends the signal named <paramref name="signal"/> (as kill takes it) to every process of
    /// <paramref name="target"/> that carries <paramref name="marker"/>; waits until it was sent, up to
    /// <paramref name="wait"/>, or not at all for <see cref="TimeSpan.Zero"/>. Failures are logged, never thrown.
    /// </summary>
    void Signal(Candidate target, ProcessMarker marker, string signal, TimeSpan wait);
}
