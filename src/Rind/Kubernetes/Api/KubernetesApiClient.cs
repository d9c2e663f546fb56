using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rind.Backends;
using Rind.Diagnostics;
using Rind.Engine;
using Rind.Kubernetes.Api.Models;
using Rind.Serialization;

namespace Rind.Kubernetes.Api;

/// <summary>
/// The API server's pods and their exec subresource, over one shared connection pool. Requests are sent
/// synchronously; the exec's WebSocket, asynchronous underneath, is waited on here and in its process.
/// </summary>
internal sealed class KubernetesApiClient(ClusterConnection cluster, ILogger logger, long maxAnswerLength = KubernetesApiClient.DefaultMaxAnswerLength)
    : IKubernetesApi
{
    /// <summary>Far above a list of every pod a namespace could hold, far below what would strain memory.</summary>
    public const long DefaultMaxAnswerLength = 64 * 1024 * 1024;

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
        var socket = new ClientWebSocket();
        foreach (var protocol in ExecSubprotocol.Offered)
        {
            socket.Options.AddSubProtocol(protocol);
        }

        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            if (cluster.Authorization() is { } authorization)
            {
                socket.Options.SetRequestHeader("Authorization", authorization.ToString());
            }

            var address = cluster.Address(request.PathAndQuery, webSocket: true);
            Call("open " + request.Description, deadline => socket.ConnectAsync(address, cluster.Invoker, deadline).GetAwaiter().GetResult(), refused: () =>
                socket.HttpStatusCode is not 0 and not HttpStatusCode.SwitchingProtocols
                    ? ReadRefusal(request, socket.HttpStatusCode)
                    : null);
            if (socket.SubProtocol is not { } agreed || !ExecSubprotocol.Offered.Contains(agreed))
            {
                throw new RindException(
                    $"{cluster.Description} opened {request.Description} without agreeing to {ExecSubprotocol.V5} or {ExecSubprotocol.V4}, " +
                    "the exec protocols rind speaks");
            }

            return new KubernetesExecProcess(socket, agreed, cluster.Description, request.Pod, logger);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => cluster.Dispose();

    /// <summary>
    /// The reason of a refused upgrade: the WebSocket handshake keeps no body, so the same address is asked
    /// again as a plain request, which the server refuses with its Status.
    /// </summary>
    private RindException ReadRefusal(PodExecRequest request, HttpStatusCode upgradeStatus)
    {
        var (status, body) = Get(request.PathAndQuery, request.Description);
        return ApiRefusal.Describe(cluster.Description, request.Description, status == upgradeStatus ? status : upgradeStatus, status == upgradeStatus ? body : []);
    }

    private (HttpStatusCode Status, byte[] Body) Get(string path, string what) =>
        Call(what, deadline =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, cluster.Address(path));
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            message.Headers.Authorization = cluster.Authorization();
            using var response = cluster.Invoker.Send(message, deadline);
            return (response.StatusCode, ReadBody(response, what, deadline));
        });

    private byte[] ReadBody(HttpResponseMessage response, string what, CancellationToken deadline)
    {
        if (response.Content.Headers.ContentLength > maxAnswerLength)
        {
            throw TooLarge(what);
        }

        using var source = response.Content.ReadAsStream(deadline);
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            if (body.Length + read > maxAnswerLength)
            {
                throw TooLarge(what);
            }

            body.Write(buffer, 0, read);
        }

        return body.ToArray();
    }

    private RindException TooLarge(string what) => new(
        string.Create(CultureInfo.InvariantCulture, $"{cluster.Description} sent {what} larger than {maxAnswerLength / (1024 * 1024)} MiB, more than rind reads; it was not read"));

    /// <summary>
    /// Runs a call within its deadline, and turns the ways it can fail on its way into one line that
    /// names the server; <paramref name="refused"/> tells the server's reason where it answered but refused.
    /// </summary>
    private T Call<T>(string what, Func<CancellationToken, T> call, Func<RindException?>? refused = null)
    {
        using var deadline = cluster.Deadline();
        try
        {
            return call(deadline.Token);
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested)
        {
            throw new RindException(
                string.Create(CultureInfo.InvariantCulture, $"{cluster.Description} did not answer {what} within {cluster.CallTimeout.TotalSeconds:0.###} s; ") +
                $"it may be stuck or overloaded ({EngineSettings.TimeoutVariable}=SECONDS sets the limit)",
                innerException: exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or WebSocketException or IOException)
        {
            if (refused?.Invoke() is { } refusal)
            {
                throw refusal;
            }

            throw new RindException($"cannot reach {cluster.Description} for {what}: {Reason(exception)}", innerException: exception);
        }
    }

    private void Call(string what, Action<CancellationToken> call, Func<RindException?> refused) =>
        Call(what, deadline =>
        {
            call(deadline);
            return true;
        }, refused);

    /// <summary>The innermost useful words of a failure: the TLS check that refused, the socket's error.</summary>
    private static string Reason(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException)
            {
                return $"its certificate was not accepted ({inner.Message}); check the kubeconfig's certificate-authority";
            }
        }

        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message;
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
