using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Rind.IntegrationTests.Infrastructure.Kubernetes.Spdy;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// <c>GET</c> or <c>POST …/pods/{name}/exec</c>: the checks the API server makes before it upgrades
/// (RBAC, the pod, its phase, the container, the streams), the same for either transport; then the
/// WebSocket upgrade with the subprotocol agreed, or the SPDY/3.1 upgrade with the stream protocol
/// agreed, and the session.
/// </summary>
internal sealed class ExecEndpoint(FakeClusterState state)
{
    private const string StreamProtocolHeader = "X-Stream-Protocol-Version";
    private const string SpdyUpgrade = "SPDY/3.1";

    public async Task HandleAsync(HttpContext context, string user, string ns, string name)
    {
        var query = context.Request.Query;
        var upgrade = context.Request.Headers.Upgrade.ToString();
        var isSpdy = upgrade.StartsWith("SPDY/", StringComparison.OrdinalIgnoreCase);
        var request = new FakeExecRequest(
            context.Request.Method,
            ns,
            name,
            query["container"].FirstOrDefault(),
            [.. query["command"].Select(argument => argument ?? "")],
            IsTrue(query["stdin"]),
            IsTrue(query["stdout"]),
            IsTrue(query["stderr"]),
            IsTrue(query["tty"]),
            upgrade.Length == 0 ? null : upgrade,
            isSpdy
                ? [.. context.Request.Headers[StreamProtocolHeader].Select(value => value ?? "")]
                : [.. context.Request.Headers.SecWebSocketProtocol
                    .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))]);
        state.Record(request);

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsPost(context.Request.Method))
        {
            await RefuseAsync(context, request, 405, ApiStatus.MethodNotAllowed());
            return;
        }

        if (state.Options.Forbidden.Contains("create pods/exec"))
        {
            await RefuseAsync(context, request, 403, ApiStatus.Forbidden(user, "create", "pods/exec", ns, name));
            return;
        }

        var pod = state.Pod(ns, name);
        if (pod is null)
        {
            await RefuseAsync(context, request, 404, ApiStatus.NotFound("pods", name));
            return;
        }

        if (Refusal(pod, request) is { } refusal)
        {
            await RefuseAsync(context, request, 400, ApiStatus.BadRequest(refusal));
            return;
        }

        var container = request.Container is null ? pod.Containers[0] : pod.Containers.First(candidate => candidate.Name == request.Container);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, state.Stopping);
        if (isSpdy)
        {
            await UpgradeToSpdyAsync(context, request, container.EngineContainerId, session.Token);
        }
        else
        {
            await UpgradeToWebSocketAsync(context, request, container.EngineContainerId, session.Token);
        }
    }

    private async Task UpgradeToWebSocketAsync(HttpContext context, FakeExecRequest request, string containerId, CancellationToken aborted)
    {
        // A real API server upgrades HTTP/1.1 requests only; WebSockets over HTTP/2 are Kestrel's, not its.
        if (!context.WebSockets.IsWebSocketRequest || context.Request.Protocol != "HTTP/1.1")
        {
            await RefuseAsync(context, request, 400, ApiStatus.BadRequest("Upgrade request required"));
            return;
        }

        if (state.Options.WebSocketRefused)
        {
            await RefuseAsync(context, request, 403, ApiStatus.WebSocketUpgradeForbidden());
            return;
        }

        var protocol = ExecSubprotocols.Choose(request.OfferedProtocols, state.Options.V4Only);
        if (protocol is null)
        {
            // The container runtime's WebSocket server refuses an upgrade without a subprotocol it knows: 403, no body.
            request.Refusal = "403 no subprotocol in common";
            context.Response.StatusCode = 403;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = protocol,
            KeepAliveInterval = TimeSpan.Zero,
        });
        request.AgreedProtocol = protocol;
        if (context.Features.Get<ObservedUpgradeFeature>() is { } observed)
        {
            observed.OnClientPing = request.AddClientPing;
        }

        await ExecChannelSession.RunAsync(socket, request, containerId, protocol, state.Options.ExecGoesSilent, aborted);
    }

    // As the kubelet's: the handshake on X-Stream-Protocol-Version (refusals in plain text), then spdystream's upgrade.
    private async Task UpgradeToSpdyAsync(HttpContext context, FakeExecRequest request, string containerId, CancellationToken aborted)
    {
        if (state.Options.SpdyRefused)
        {
            await RefuseAsync(context, request, 400, ApiStatus.BadRequest("Upgrade request required"));
            return;
        }

        if (request.OfferedProtocols.Count == 0)
        {
            await RefuseAsTextAsync(context, request, 400, $"unable to upgrade: {StreamProtocolHeader} is required");
            return;
        }

        var protocol = ExecStreamProtocols.Choose(request.OfferedProtocols);
        if (protocol is null)
        {
            context.Response.Headers["X-Accepted-Stream-Protocol-Versions"] = new([.. ExecStreamProtocols.Supported]);
            await RefuseAsTextAsync(
                context,
                request,
                403,
                $"unable to upgrade: unable to negotiate protocol: client supports [{string.Join(' ', request.OfferedProtocols)}], server accepts [{string.Join(' ', ExecStreamProtocols.Supported)}]");
            return;
        }

        var upgradeFeature = context.Features.Get<IHttpUpgradeFeature>();
        if (!string.Equals(context.Request.Headers.Upgrade, SpdyUpgrade, StringComparison.OrdinalIgnoreCase)
            || !context.Request.Headers.Connection.Any(value => (value ?? "").Contains("upgrade", StringComparison.OrdinalIgnoreCase))
            || context.Request.Protocol != "HTTP/1.1"
            || upgradeFeature is not { IsUpgradableRequest: true })
        {
            await RefuseAsTextAsync(context, request, 400, "unable to upgrade: missing upgrade headers in request");
            return;
        }

        context.Response.Headers[StreamProtocolHeader] = protocol;
        context.Response.Headers.Upgrade = SpdyUpgrade;
        await using var connection = await upgradeFeature.UpgradeAsync();
        request.AgreedProtocol = protocol;
        await SpdyExecSession.RunAsync(connection, request, containerId, protocol, state.Options, aborted);
    }

    /// <summary>Why the API server would refuse the exec before the upgrade, in its words; null when it would not.</summary>
    private static string? Refusal(FakePod pod, FakeExecRequest request)
    {
        if (pod.Phase is "Succeeded" or "Failed")
        {
            return $"cannot exec into a container in a completed pod; current phase is {pod.Phase}";
        }

        if (request.Container is null && pod.Containers.Count > 1)
        {
            return $"a container name must be specified for pod {pod.Name}, choose one of: [{string.Join(' ', pod.Containers.Select(container => container.Name))}]";
        }

        if (request.Container is not null && pod.Containers.All(container => container.Name != request.Container))
        {
            return $"container {request.Container} is not valid for pod {pod.Name}";
        }

        if (pod.Phase == "Pending")
        {
            return $"pod {pod.Name} does not have a host assigned";
        }

        if (!request.Stdin && !request.Stdout && !request.Stderr)
        {
            return "you must specify at least 1 of stdin, stdout, stderr";
        }

        return request.Command.Count == 0 ? "you must specify at least one command for the container" : null;
    }

    private static async Task RefuseAsync(HttpContext context, FakeExecRequest request, int statusCode, System.Text.Json.Nodes.JsonObject status)
    {
        request.Refusal = $"{statusCode} {status["message"]}";
        await FakeApiHandler.WriteAsync(context, statusCode, status);
    }

    private static async Task RefuseAsTextAsync(HttpContext context, FakeExecRequest request, int statusCode, string message)
    {
        request.Refusal = $"{statusCode} {message}";
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message + "\n");
    }

    // As Go's strconv.ParseBool reads the flags.
    private static bool IsTrue(string? value) => value is "1" or "t" or "T" or "true" or "TRUE" or "True";
}
