using System.Globalization;
using System.Text.Json.Nodes;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>A fake pod as the API server writes a v1 Pod, with the fields clients read.</summary>
internal static class PodDocument
{
    /// <param name="inList">Items of a list carry no kind and apiVersion of their own.</param>
    public static JsonObject Of(FakePod pod, bool inList)
    {
        var document = new JsonObject();
        if (!inList)
        {
            document["kind"] = "Pod";
            document["apiVersion"] = "v1";
        }

        document["metadata"] = Metadata(pod);
        document["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray([.. pod.Containers.Select(container => (JsonNode)new JsonObject
            {
                ["name"] = container.Name,
                ["image"] = container.Image,
                ["imagePullPolicy"] = "IfNotPresent",
            })]),
            ["restartPolicy"] = "Always",
            ["terminationGracePeriodSeconds"] = 30,
            ["nodeName"] = pod.Phase == "Pending" ? null : FakePod.NodeName,
        };
        document["status"] = Status(pod);
        return document;
    }

    public static JsonObject List(IEnumerable<FakePod> pods, long resourceVersion) => new()
    {
        ["kind"] = "PodList",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) },
        ["items"] = new JsonArray([.. pods.Select(pod => (JsonNode)Of(pod, inList: true))]),
    };

    private static JsonObject Metadata(FakePod pod)
    {
        var metadata = new JsonObject
        {
            ["name"] = pod.Name,
            ["namespace"] = pod.Namespace,
            ["uid"] = Uid(pod),
            ["resourceVersion"] = "1",
            ["creationTimestamp"] = Timestamp(pod.CreationTimestamp),
        };
        if (pod.DeletionTimestamp is { } deletion)
        {
            metadata["deletionTimestamp"] = Timestamp(deletion);
            metadata["deletionGracePeriodSeconds"] = 30;
        }

        if (pod.Labels.Count > 0)
        {
            metadata["labels"] = Map(pod.Labels);
        }

        if (pod.Annotations.Count > 0)
        {
            metadata["annotations"] = Map(pod.Annotations);
        }

        return metadata;
    }

    private static JsonObject Status(FakePod pod)
    {
        var running = pod.Phase == "Running";
        var ready = running && pod.Ready ? "True" : "False";
        return new JsonObject
        {
            ["phase"] = pod.Phase,
            ["conditions"] = new JsonArray(
                Condition("PodScheduled", pod.Phase == "Pending" ? "False" : "True", pod),
                Condition("Initialized", "True", pod),
                Condition("ContainersReady", ready, pod),
                Condition("Ready", ready, pod)),
            ["hostIP"] = "10.0.0.1",
            ["podIP"] = "10.244.0.10",
            ["startTime"] = Timestamp(pod.CreationTimestamp),
            ["containerStatuses"] = new JsonArray([.. pod.Containers.Select(container => (JsonNode)new JsonObject
            {
                ["name"] = container.Name,
                ["state"] = running
                    ? new JsonObject { ["running"] = new JsonObject { ["startedAt"] = Timestamp(pod.CreationTimestamp) } }
                    : new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ContainerCreating" } },
                ["ready"] = running && pod.Ready,
                ["restartCount"] = 0,
                ["image"] = container.Image,
                ["imageID"] = "",
                ["containerID"] = "docker://" + container.EngineContainerId,
                ["started"] = running,
            })]),
        };
    }

    private static JsonObject Condition(string type, string status, FakePod pod) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["lastProbeTime"] = null,
        ["lastTransitionTime"] = Timestamp(pod.CreationTimestamp),
    };

    private static JsonObject Map(IReadOnlyDictionary<string, string> entries)
    {
        var map = new JsonObject();
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }

    // Stable for a pod's name and namespace, as a uid is for the pod's life.
    private static string Uid(FakePod pod) =>
        new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(pod.Namespace + "/" + pod.Name))).ToString();

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
