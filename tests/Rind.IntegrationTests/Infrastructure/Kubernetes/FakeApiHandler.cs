using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// The fake API server's answers: authentication, discovery, namespaces, pods with their selectors,
/// and the exec subresource, which <see cref="ExecEndpoint"/> serves.
/// </summary>
internal sealed class FakeApiHandler(FakeClusterState state)
{
    private readonly ExecEndpoint _exec = new(state);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        state.Record(new FakeApiRequest(
            request.Method, request.Path.ToUriComponent() + request.QueryString.ToUriComponent(), request.Protocol, request.Headers.Accept, request.Headers.UserAgent));

        var user = await AuthenticateAsync(context);
        if (user is null)
        {
            await WriteAsync(context, 401, ApiStatus.Unauthorized());
            return;
        }

        var segments = request.Path.Value!.Trim('/').Split('/');
        var isGet = HttpMethods.IsGet(request.Method);
        switch (segments)
        {
            case ["api", "v1", "namespaces", var ns, "pods", var name, "exec"]:
                await _exec.HandleAsync(context, user, ns, name);
                return;
            case ["version"] when isGet:
                await WriteAsync(context, 200, DiscoveryDocuments.Version(state.Options.GitVersion));
                return;
            case ["api"] when isGet:
                await WriteAsync(context, 200, DiscoveryDocuments.CoreVersions(state.ServerAddress));
                return;
            case ["apis"] when isGet:
                await WriteAsync(context, 200, DiscoveryDocuments.Groups());
                return;
            case ["api", "v1"] when isGet:
                await WriteAsync(context, 200, DiscoveryDocuments.CoreResources());
                return;
            case ["api", "v1", "namespaces"] when isGet:
                await ListNamespacesAsync(context, user);
                return;
            case ["api", "v1", "namespaces", var ns] when isGet:
                await NamespaceAsync(context, user, ns);
                return;
            case ["api", "v1", "namespaces", var ns, "pods"] when isGet:
                await ListPodsAsync(context, user, ns);
                return;
            case ["api", "v1", "pods"] when isGet:
                await ListPodsAsync(context, user, null);
                return;
            case ["api", "v1", "namespaces", var ns, "pods", var name] when isGet:
                await GetPodAsync(context, user, ns, name);
                return;
            default:
                await WriteAsync(context, 404, ApiStatus.NoSuchPath());
                return;
        }
    }

    public static async Task WriteAsync(HttpContext context, int statusCode, JsonObject document)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(document));
    }

    /// <summary>The user a request is made as: by a client certificate the cluster issued, or by the token; null when neither holds.</summary>
    private async Task<string?> AuthenticateAsync(HttpContext context)
    {
        var certificate = await context.Connection.GetClientCertificateAsync();
        if (certificate is not null && state.Certificates.ClientUser(certificate) is { } certificateUser)
        {
            return certificateUser;
        }

        if (state.Options.Token is null)
        {
            return state.Options.UserName;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        return authorization == "Bearer " + state.Options.Token ? state.Options.UserName : null;
    }

    private async Task NamespaceAsync(HttpContext context, string user, string ns)
    {
        if (await RefusedAsync(context, user, "get", "namespaces", ns, ns))
        {
            return;
        }

        if (!state.NamespaceExists(ns))
        {
            await WriteAsync(context, 404, ApiStatus.NotFound("namespaces", ns));
            return;
        }

        await WriteAsync(context, 200, new JsonObject
        {
            ["kind"] = "Namespace",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = ns,
                ["resourceVersion"] = "1",
                ["labels"] = new JsonObject { ["kubernetes.io/metadata.name"] = ns },
            },
            ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
            ["status"] = new JsonObject { ["phase"] = "Active" },
        });
    }

    private async Task ListNamespacesAsync(HttpContext context, string user)
    {
        if (await RefusedAsync(context, user, "list", "namespaces", ns: null, name: null))
        {
            return;
        }

        await WriteAsync(context, 200, new JsonObject
        {
            ["kind"] = "NamespaceList",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = "1" },
            ["items"] = new JsonArray([.. state.Namespaces().Select(name => (JsonNode)new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = name, ["resourceVersion"] = "1" },
                ["status"] = new JsonObject { ["phase"] = "Active" },
            })]),
        });
    }

    // A namespace that does not exist lists no pods, as on a real server: listing does not look it up.
    private async Task ListPodsAsync(HttpContext context, string user, string? ns)
    {
        if (await RefusedAsync(context, user, "list", "pods", ns, name: null))
        {
            return;
        }

        LabelSelector labels;
        FieldSelector fields;
        try
        {
            labels = LabelSelector.Parse(context.Request.Query["labelSelector"]);
            fields = FieldSelector.Parse(context.Request.Query["fieldSelector"]);
        }
        catch (FormatException exception)
        {
            await WriteAsync(context, 400, ApiStatus.BadRequest(exception.Message));
            return;
        }

        var pods = state.Pods(ns).Where(pod => labels.Matches(pod.Labels) && fields.Matches(pod));
        await WriteAsync(context, 200, PodDocument.List(pods, state.ResourceVersion));
    }

    private async Task GetPodAsync(HttpContext context, string user, string ns, string name)
    {
        if (await RefusedAsync(context, user, "get", "pods", ns, name))
        {
            return;
        }

        if (state.Pod(ns, name) is { } pod)
        {
            await WriteAsync(context, 200, PodDocument.Of(pod, inList: false));
        }
        else
        {
            await WriteAsync(context, 404, ApiStatus.NotFound("pods", name));
        }
    }

    /// <summary>Answers 403 when the options make RBAC refuse the verb on the resource.</summary>
    private async Task<bool> RefusedAsync(HttpContext context, string user, string verb, string resource, string? ns, string? name)
    {
        if (!state.Options.Forbidden.Contains(verb + " " + resource))
        {
            return false;
        }

        await WriteAsync(context, 403, ApiStatus.Forbidden(user, verb, resource, ns ?? "", name));
        return true;
    }
}
