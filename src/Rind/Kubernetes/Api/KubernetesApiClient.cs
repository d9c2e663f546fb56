using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rind.Diagnostics;
using Rind.Engine.Http;
using Rind.Engine.Transport;
using Rind.Kubernetes.Api.Models;
using Rind.Serialization;
using Rind.WebSockets;

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

        PodList list;
        try
        {
            list = JsonSerializer.Deserialize(body, RindJsonContext.Default.PodList)
                ?? throw new JsonException("empty answer", path: null, lineNumber: 0, bytePositionInLine: 0);
        }
        catch (JsonException exception)
        {
            throw new RindException($"{cluster.Description} gave {what} in a form rind cannot read ({JsonFailure.Describe(exception)})", innerException: exception);
        }

        return list.Items.Select(Summarize).ToArray();
    }

    public IPodExecProcess OpenExec(PodExecRequest request)
    {
        var key = WebSocketHandshake.NewKey();
        var upgrade = new HttpRequest("GET", cluster.Target(request.PathAndQuery))
        {
            Upgrade = "websocket",
            Headers = [.. cluster.Authorization(), .. WebSocketHandshake.Headers(key, ExecSubprotocol.Offered)],
        };
        var (head, connection) = Call(request.Description, () => cluster.Http.SendUpgrade(upgrade));
        if (head.StatusCode != (int)HttpStatusCode.SwitchingProtocols)
        {
            // The refusal's body is the server's Status, with its reason.
            using (connection)
            {
                var body = Call(request.Description, () => cluster.Http.ReadBody(connection, head));
                throw ApiRefusal.Describe(cluster.Description, request.Description, (HttpStatusCode)head.StatusCode, body);
            }
        }

        var stream = connection.TakeHijackedStream();
        try
        {
            var agreed = WebSocketHandshake.Agreed(head, key, ExecSubprotocol.Offered);
            return new KubernetesExecProcess(new WebSocketConnection(stream, stream.Abort), agreed, cluster.Description, request.Pod, logger);
        }
        catch (InvalidDataException exception)
        {
            stream.Dispose();
            throw new RindException(
                $"{cluster.Description} opened {request.Description} as no exec rind speaks ({ExecSubprotocol.V5} or {ExecSubprotocol.V4}): {exception.Message}",
                innerException: exception);
        }
    }

    public void Dispose() => cluster.Dispose();

    private (HttpStatusCode Status, byte[] Body) Get(string path, string what)
    {
        var request = new HttpRequest("GET", cluster.Target(path))
        {
            Headers = [new("Accept", "application/json"), .. cluster.Authorization()],
        };
        var answer = Call(what, () => cluster.Http.Send(request));
        return ((HttpStatusCode)answer.Head.StatusCode, answer.Body);
    }

    /// <summary>
    /// Runs a call within its deadline (the HTTP client's), and turns the ways it can fail on its way into one
    /// line that names the server.
    /// </summary>
    private T Call<T>(string what, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (EngineTimeoutException exception)
        {
            throw CallFailure.TimedOut(cluster.Description, what, exception);
        }
        catch (AnswerTooLargeException exception)
        {
            throw CallFailure.TooLarge(cluster.Description, what, exception);
        }
        catch (EngineTransportException exception)
        {
            throw new RindException($"cannot reach {cluster.Description} for {what}: {exception.Message}", innerException: exception);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            throw new RindException($"{cluster.Description} broke off {what}: {exception.Message}", innerException: exception);
        }
    }

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
