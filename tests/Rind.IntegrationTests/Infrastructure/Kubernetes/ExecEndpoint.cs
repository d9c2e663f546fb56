using Microsoft.AspNetCore.Http;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// <c>GET</c> or <c>POST …/pods/{name}/exec</c>: the checks the API server makes before it upgrades
/// (RBAC, the pod, its phase, the container, the streams), then the WebSocket upgrade with the
/// subprotocol agreed, and the session. The fake does not speak SPDY.
/// </summary>
internal sealed class ExecEndpoint(FakeClusterState state)
{
    public async Task HandleAsync(HttpContext context, string user, string ns, string name)
    {
        var query = context.Request.Query;
        var upgrade = context.Request.Headers.Upgrade.ToString();
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
            [.. context.Request.Headers.SecWebSocketProtocol
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
        if (upgrade.StartsWith("SPDY/", StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, request, 400, ApiStatus.BadRequest($"the fake API server does not speak {upgrade}, only WebSocket"));
            return;
        }

        // A real API server upgrades HTTP/1.1 requests only; WebSockets over HTTP/2 are Kestrel's, not its.
        if (!context.WebSockets.IsWebSocketRequest || context.Request.Protocol != "HTTP/1.1")
        {
            await RefuseAsync(context, request, 400, ApiStatus.BadRequest("Upgrade request required"));
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
        await ExecChannelSession.RunAsync(socket, request, container.EngineContainerId, protocol, context.RequestAborted);
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

    // As Go's strconv.ParseBool reads the flags.
    private static bool IsTrue(string? value) => value is "1" or "t" or "T" or "true" or "TRUE" or "True";
}
