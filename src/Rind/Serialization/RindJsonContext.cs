using System.Text.Json.Serialization;
using Rind.Docker.Configuration;
using Rind.Docker.DevContainers;
using Rind.Docker.Models;
using Rind.Kubernetes.Api.Models;
using Rind.Kubernetes.Configuration;
using Rind.Transport.Http;

namespace Rind.Serialization;

/// <summary>
/// Source-generated JSON for every engine and cluster endpoint rind calls and every file it reads, so
/// that nothing is reflected at run time.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ContainerSummary[]))] // GET /containers/json
[JsonSerializable(typeof(string))] // GET /containers/json: the label in its filters
[JsonSerializable(typeof(IReadOnlyList<string>))] // POST /containers/{id}/exec: Cmd, and the --verbose log of it
[JsonSerializable(typeof(ExecCreateRequest))] // POST /containers/{id}/exec
[JsonSerializable(typeof(ExecCreateResponse))] // POST /containers/{id}/exec
[JsonSerializable(typeof(ExecStartRequest))] // POST /exec/{id}/start
[JsonSerializable(typeof(ExecInspectResponse))] // GET /exec/{id}/json
[JsonSerializable(typeof(ContainerInspectResponse))] // GET /containers/{id}/json, for a dev container
[JsonSerializable(typeof(PodList))] // GET /api/v1/namespaces/{namespace}/pods
[JsonSerializable(typeof(NamespaceList))] // GET /api/v1/namespaces, for completion of -n
[JsonSerializable(typeof(RefusalBody))] // any refused engine or cluster request
[JsonSerializable(typeof(ApiStatus))] // the status channel of /pods/{name}/exec
[JsonSerializable(typeof(TerminalResizeMessage))] // the resize channel of /pods/{name}/exec
[JsonSerializable(typeof(DockerCliConfig))] // the Docker CLI's config.json
[JsonSerializable(typeof(DockerContextMetadata))] // a context's meta.json in the Docker CLI's context store
[JsonSerializable(typeof(DevContainerMetadataEntry[]))] // a dev container's label devcontainer.metadata
[JsonSerializable(typeof(DevContainerMetadataEntry))] // the same, written as one object
[JsonSerializable(typeof(ExecCredential))] // a kubeconfig's exec credential plugin: KUBERNETES_EXEC_INFO and its answer
internal sealed partial class RindJsonContext : JsonSerializerContext;
