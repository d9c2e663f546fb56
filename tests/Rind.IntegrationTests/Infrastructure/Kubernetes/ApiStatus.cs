using System.Text.Json.Nodes;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// The metav1.Status objects the API server, the kubelet and the container runtime answer with, with
/// their fields in the order Go's encoder writes them (kind, apiVersion, metadata, status, message,
/// reason, details, code), and empty ones left out as they are there.
/// </summary>
internal static class ApiStatus
{
    public static JsonObject Unauthorized() => Failure(401, "Unauthorized", "Unauthorized", details: null);

    public static JsonObject Forbidden(string user, string verb, string resource, string @namespace, string? name)
    {
        // "pods/exec" is refused as pods, with the subresource in the message only.
        var kind = resource.Split('/')[0];
        var message = $"{kind}{(name is null ? "" : $" \"{name}\"")} is forbidden: User \"{user}\" cannot {verb} resource \"{resource}\" " +
            $"in API group \"\" in the namespace \"{@namespace}\"";
        var details = new JsonObject();
        if (name is not null)
        {
            details["name"] = name;
        }

        details["kind"] = kind;
        return Failure(403, "Forbidden", message, details);
    }

    /// <summary>404 for an object: <c>pods "x" not found</c>.</summary>
    public static JsonObject NotFound(string kind, string name) =>
        Failure(404, "NotFound", $"{kind} \"{name}\" not found", new JsonObject { ["name"] = name, ["kind"] = kind });

    /// <summary>404 for a path the server does not serve.</summary>
    public static JsonObject NoSuchPath() =>
        Failure(404, "NotFound", "the server could not find the requested resource", new JsonObject());

    /// <summary>
    /// What a cluster that takes exec over SPDY only (OpenShift 4.18 to 4.21) answers a WebSocket
    /// upgrade with; the words are the fake's own.
    /// </summary>
    public static JsonObject WebSocketUpgradeForbidden() =>
        Failure(403, "Forbidden", "exec over WebSocket is forbidden on this cluster: upgrade to SPDY/3.1", details: null);

    public static JsonObject BadRequest(string message) => Failure(400, "BadRequest", message, details: null);

    public static JsonObject MethodNotAllowed() =>
        Failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", new JsonObject());

    public static JsonObject Success() => new() { ["metadata"] = new JsonObject(), ["status"] = "Success" };

    /// <summary>What the exec session ends with when the command exited non-zero.</summary>
    public static JsonObject NonZeroExitCode(string message, int exitCode) => new()
    {
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = "NonZeroExitCode",
        ["details"] = new JsonObject
        {
            ["causes"] = new JsonArray(new JsonObject { ["reason"] = "ExitCode", ["message"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        },
    };

    /// <summary>apierrors.NewInternalError: the message prefixed, the cause's own text as the one cause, code 500.</summary>
    public static JsonObject InternalError(string cause) => new()
    {
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = $"Internal error occurred: {cause}",
        ["reason"] = "InternalError",
        ["details"] = new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = cause }) },
        ["code"] = 500,
    };

    private static JsonObject Failure(int code, string reason, string message, JsonObject? details)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            status["details"] = details;
        }

        status["code"] = code;
        return status;
    }
}
