using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Rind.Diagnostics;
using Rind.Kubernetes.Api.Models;
using Rind.Serialization;
using Rind.Transport.Dialing;
using Rind.Transport.Http;
using Rind.Transport.Spdy;
using Rind.Transport.WebSockets;

namespace Rind.Kubernetes.Api;

/// <summary>
/// The API server's pods and their exec subresource, over rind's own HTTP/1.1 and WebSocket. Every call
/// blocks until it is done.
/// </summary>
internal sealed class KubernetesApiClient(ClusterConnection cluster, ILogger logger) : IKubernetesApi
{

    public IReadOnlyList<PodSummary> ListPods(string ns, string labelSelector)
    {
        var path = $"/api/v1/namespaces/{Uri.EscapeDataString(ns)}/pods?labelSelector={Uri.EscapeDataString(labelSelector)}";
        var what = $"the list of pods in namespace {UntrustedText.Show(ns)}";
        var (status, body) = Get(path, what);
        if (status is < HttpStatusCode.OK or >= HttpStatusCode.MultipleChoices)
        {
            throw ApiRefusal.Describe(cluster.Description, what, status, body);
        }

        return CallFailure.ReadJson(cluster.Words, what, body, RindJsonContext.Default.PodList).Items.Select(Summarize).ToArray();
    }

    public IReadOnlyList<string> ListNamespaces()
    {
        const string what = "the list of namespaces";
        var (status, body) = Get("/api/v1/namespaces", what);
        if (status is < HttpStatusCode.OK or >= HttpStatusCode.MultipleChoices)
        {
            throw ApiRefusal.Describe(cluster.Description, what, status, body);
        }

        return CallFailure.ReadJson(cluster.Words, what, body, RindJsonContext.Default.NamespaceList).Items.Select(item => item.Metadata.Name).ToArray();
    }

    /// <summary>
    /// Opens the exec as kubectl does: over WebSocket, then over SPDY/3.1 when the server does not switch to
    /// WebSocket (any response but 101: OpenShift 4.18 to 4.21 refuse it with 403, and some API proxies know no
    /// WebSocket exec), or when it speaks only v4 there and the command's input must be ended.
    /// </summary>
    public IPodExecProcess OpenExec(PodExecRequest request)
    {
        var webSocket = OpenWebSocket(request, out var webSocketRefusal);
        string why;
        if (webSocket is not null)
        {
            if (!request.NeedsInputEnd || webSocket.CanCloseInput)
            {
                LogMessages.ExecTransportChosen(logger, request.Pod, webSocket.Protocol, "the server's first choice");
                return webSocket;
            }

            why = "the server speaks only v4 over WebSocket, which cannot end the command's input";
        }
        else
        {
            why = $"the WebSocket upgrade was refused ({webSocketRefusal!.Brief})";
        }

        KubernetesExecProcess? spdy;
        UpgradeRefusal? spdyRefusal;
        try
        {
            spdy = OpenSpdy(request, out spdyRefusal);
        }
        catch
        {
            webSocket?.Dispose();
            throw;
        }

        if (spdy is not null)
        {
            webSocket?.Dispose();
            LogMessages.ExecTransportChosen(logger, request.Pod, spdy.Protocol, why);
            return spdy;
        }

        if (webSocket is not null)
        {
            // Its command waits for input it cannot be told the end of: the caller says so.
            LogMessages.ExecTransportChosen(logger, request.Pod, webSocket.Protocol, $"SPDY was refused too ({spdyRefusal!.Brief})");
            return webSocket;
        }

        throw UpgradeRefusal.Both(cluster.Description, request.Description, webSocketRefusal!, spdyRefusal!);
    }

    public void Dispose() => cluster.Dispose();

    private KubernetesExecProcess? OpenWebSocket(PodExecRequest request, out UpgradeRefusal? refusal)
    {
        var key = WebSocketHandshake.NewKey();
        var upgrade = new HttpRequest("GET", cluster.Target(request.PathAndQuery))
        {
            Upgrade = "websocket",
            Headers = [.. cluster.Authorization(), .. WebSocketHandshake.Headers(key, ExecSubprotocol.Offered)],
        };
        return Upgrade(request, upgrade, out refusal, (head, stream) =>
        {
            var agreed = WebSocketHandshake.Agreed(head, key, ExecSubprotocol.Offered);
            return new WebSocketExecStreams(new WebSocketConnection(stream, stream.Abort), agreed);
        });
    }

    private KubernetesExecProcess? OpenSpdy(PodExecRequest request, out UpgradeRefusal? refusal)
    {
        var upgrade = new HttpRequest("POST", cluster.Target(request.PathAndQuery))
        {
            Upgrade = "SPDY/3.1",
            Headers = [.. cluster.Authorization(), .. ExecStreamProtocol.Offered.Select(protocol => new KeyValuePair<string, string>("X-Stream-Protocol-Version", protocol))],
        };
        return Upgrade(request, upgrade, out refusal, (head, stream) =>
        {
            if (!string.Equals(head.Header("Upgrade"), "SPDY/3.1", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"it switched to '{UntrustedText.Show(head.Header("Upgrade") ?? "", 40)}' rather than to SPDY/3.1");
            }

            var agreed = head.Header("X-Stream-Protocol-Version")?.Trim();
            if (agreed is null || !ExecStreamProtocol.Offered.Contains(agreed))
            {
                throw new InvalidDataException($"it agreed to none of the protocols offered ({string.Join(", ", ExecStreamProtocol.Offered)})");
            }

            // The server accepts the streams within the call's deadline too.
            stream.LimitReceiveWait(cluster.CallTimeout);
            return SpdyExecStreams.Open(new SpdyConnection(stream, stream.Abort), agreed, request.Stdin, request.Tty);
        });
    }

    /// <summary>
    /// Asks for one upgrade and opens the exec's streams on what it switched to; or reads the refusal, whose body
    /// is the server's Status, and keeps the connection for the next request.
    /// </summary>
    private KubernetesExecProcess? Upgrade(
        PodExecRequest request, HttpRequest upgrade, out UpgradeRefusal? refusal, Func<HttpResponseHead, UpgradedStream, IExecStreams> open)
    {
        var response = Call(request.Description, () => cluster.Http.Upgrade(upgrade, reuse: true));
        if (response.Stream is not { } stream)
        {
            refusal = new UpgradeRefusal(upgrade.Upgrade!, (HttpStatusCode)response.Head.StatusCode, response.Body);
            return null;
        }

        try
        {
            var streams = open(response.Head, stream);
            stream.LimitReceiveWait(cluster.KeepAlive.SilenceLimit);
            refusal = null;
            return new KubernetesExecProcess(streams, cluster.KeepAlive, cluster.Description, request, logger);
        }
        catch (InvalidDataException exception)
        {
            stream.Dispose();
            throw new RindException(
                $"{cluster.Description} opened {request.Description} as no exec rind speaks: {exception.Message}",
                innerException: exception);
        }
        catch (IOException exception)
        {
            stream.Dispose();
            throw new RindException(
                ReceiveTimeout.IsCause(exception)
                    ? string.Create(CultureInfo.InvariantCulture, $"{cluster.Description} did not accept the streams of {request.Description} within {cluster.CallTimeout.TotalSeconds:0.#} s")
                    : $"{cluster.Description} broke off {request.Description}: {exception.Message}",
                innerException: exception);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }


    private (HttpStatusCode Status, byte[] Body) Get(string path, string what)
    {
        var request = new HttpRequest("GET", cluster.Target(path))
        {
            Headers = [new("Accept", "application/json"), .. cluster.Authorization()],
        };
        var answer = Call(what, () => cluster.Http.Send(request));
        return ((HttpStatusCode)answer.Head.StatusCode, answer.Body);
    }

    /// <summary>Runs a call within its deadline (the HTTP client's), a failure on its way told in one line that names the cluster.</summary>
    private T Call<T>(string what, Func<T> call) => CallFailure.Guard(cluster.Words, what, call);

    private static PodSummary Summarize(Pod pod) =>
        new(
            pod.Metadata.Name,
            pod.Status.Phase ?? "Unknown",
            pod.Status.Conditions?.Any(condition => condition.Type == "Ready" && condition.Status == "True") ?? false,
            pod.Metadata.DeletionTimestamp is not null,
            pod.Spec.Containers.Select(container => container.Name).ToArray())
        {
            Labels = pod.Metadata.Labels ?? new Dictionary<string, string>(),
            Annotations = pod.Metadata.Annotations ?? new Dictionary<string, string>(),
        };
}
