using Microsoft.Extensions.Logging;
using Rind.Backends;
using Rind.Diagnostics;
using Rind.Execution;
using Rind.Kubernetes.Api;
using Rind.Platform;

namespace Rind.Kubernetes;

/// <summary>
/// Commands run in the labelled pod of a Kubernetes or OpenShift cluster, through its exec subresource.
/// </summary>
internal sealed class KubernetesBackend(ClusterAccess access, IKubernetesApi api, ILogger logger) : IBackend
{
    /// <summary>A backend that reaches the cluster of <paramref name="access"/> itself.</summary>
    /// <param name="callTimeout">How long one call may take (RIND_TIMEOUT).</param>
    /// <param name="environment">rind's environment, for the proxy variables.</param>
    public KubernetesBackend(ClusterAccess access, TimeSpan callTimeout, IEnvironment environment, ILogger logger)
        : this(access, new KubernetesApiClient(new ClusterConnection(access, callTimeout, environment), logger), logger)
    {
    }

    /// <summary>The pods of the kubeconfig's namespace that carry the label app.rind.</summary>
    public ICandidateFinder Pods => new LabelledPodFinder(access, api);

    /// <summary>
    /// Asks nothing of the server: the pod list that follows is the first request, and says all a
    /// failure to reach the cluster would. The exec API sizes a terminal only by a message after the start.
    /// </summary>
    /// <remarks>The command starts through env, which reports a command it cannot start in words of its own.</remarks>
    public BackendTraits Connect() =>
        new(Server: "the cluster", SizesTerminalAtStart: false, ReportsStartFailures: false, Notices: null);

    public IExecProcess Start(Candidate target, ExecPlan plan, ProcessMarker marker, TerminalSize? size)
    {
        if (plan.User is { } user)
        {
            throw new RindException(
                $"the Kubernetes exec API runs commands as the container's own user; it cannot run as {UntrustedText.Show(user)}");
        }

        if (plan.Privileged)
        {
            throw new RindException("the Kubernetes exec API cannot run a command privileged; only the pod's spec can make a container so");
        }

        // Piped input needs its end told, which WebSocket v4 cannot do (SPDY can, and is tried next): the
        // command waits for rind's go-ahead, so that where neither serves it ends before it ran, and rind says why.
        var piped = plan.HasInput && !plan.Tty;
        var process = api.OpenExec(new PodExecRequest(
            access.Namespace, target.Id, target.Container, PodCommandLine.For(plan, marker, awaitGoAhead: piped), plan.HasInput, plan.Tty)
        {
            NeedsInputEnd = piped,
        });
        if (piped)
        {
            if (!process.CanCloseInput)
            {
                process.Dispose();
                throw new RindException(
                    $"the cluster at {access.Server.GetLeftPart(UriPartial.Authority)} speaks only the v4 exec protocol over WebSocket " +
                    "and refuses SPDY, so it cannot tell a command its input ended: " +
                    "the command did not run; run it without piped input (< /dev/null) or on a newer cluster");
            }

            process.WriteInput(PodCommandLine.GoAhead);
        }

        if (plan.Tty && size is { } known)
        {
            // The command's terminal has no size until this message: it waits for it, so it goes at once.
            process.Resize(known);
        }

        return process;
    }

    public void Signal(Candidate target, ProcessMarker marker, string signal, TimeSpan wait)
    {
        var sender = new Thread(() => SendSignal(target, marker, signal)) { IsBackground = true, Name = "rind signal" };
        sender.Start();
        if (wait != TimeSpan.Zero)
        {
            sender.Join(wait);
        }
    }

    public void Dispose() => api.Dispose();

    /// <summary>Runs the marker's signal command as an exec of its own, and reads it to its end.</summary>
    private void SendSignal(Candidate target, ProcessMarker marker, string signal)
    {
        try
        {
            using var process = api.OpenExec(new PodExecRequest(access.Namespace, target.Id, target.Container, marker.SignalCommand(signal), Stdin: false, Tty: false));
            var buffer = new byte[4096];
            while (!process.Output.Read(buffer).IsEnd)
            {
                // The signal command says nothing worth showing; its output is read only to reach its end.
            }

            LogMessages.SignalForwarded(logger, signal, target.DisplayName);
        }
        catch (Exception exception) when (exception is RindException or IOException or InvalidDataException)
        {
            LogMessages.SignalNotForwarded(logger, signal, exception.Message);
        }
    }
}
