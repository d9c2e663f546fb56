using System.Text.Json.Nodes;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// What the server says about itself: its version, and the legacy (unaggregated) discovery documents,
/// which clients fall back to when the answer to <c>/api</c> is plain JSON. The core group lists only
/// what the fake serves.
/// </summary>
internal static class DiscoveryDocuments
{
    public static JsonObject Version(string gitVersion)
    {
        var numbers = gitVersion.TrimStart('v').Split('.');
        return new JsonObject
        {
            ["major"] = numbers[0],
            ["minor"] = numbers[1],
            ["gitVersion"] = gitVersion,
            ["gitCommit"] = "0000000000000000000000000000000000000000",
            ["gitTreeState"] = "clean",
            ["buildDate"] = "2025-01-01T00:00:00Z",
            ["goVersion"] = "go1.23.0",
            ["compiler"] = "gc",
            ["platform"] = "linux/amd64",
        };
    }

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject Groups() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(),
    };

    public static JsonObject CoreResources() => new()
    {
        ["kind"] = "APIResourceList",
        ["groupVersion"] = "v1",
        ["resources"] = new JsonArray(
            Resource("namespaces", "namespace", namespaced: false, "Namespace", ["create", "delete", "get", "list", "patch", "update", "watch"], ["ns"]),
            Resource("pods", "pod", namespaced: true, "Pod", ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"], ["po"], ["all"]),
            Resource("pods/exec", "", namespaced: true, "PodExecOptions", ["create", "get"], [])),
    };

    private static JsonObject Resource(string name, string singular, bool namespaced, string kind, string[] verbs, string[] shortNames, string[]? categories = null)
    {
        var resource = new JsonObject
        {
            ["name"] = name,
            ["singularName"] = singular,
            ["namespaced"] = namespaced,
            ["kind"] = kind,
            ["verbs"] = new JsonArray([.. verbs.Select(verb => (JsonNode)verb)]),
        };
        if (shortNames.Length > 0)
        {
            resource["shortNames"] = new JsonArray([.. shortNames.Select(shortName => (JsonNode)shortName)]);
        }

        if (categories is not null)
        {
            resource["categories"] = new JsonArray([.. categories.Select(category => (JsonNode)category)]);
        }

        return resource;
    }
}
