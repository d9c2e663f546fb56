using System.Text.Json.Serialization;
using Rind.Engine.Models;

namespace Rind.Engine;

/// <summary>
/// Source-generated JSON for every engine endpoint rind calls, so that nothing is reflected at run time.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ContainerSummary[]))] // GET /containers/json
[JsonSerializable(typeof(string))] // GET /containers/json: the label in its filters
[JsonSerializable(typeof(ExecCreateRequest))] // POST /containers/{id}/exec
[JsonSerializable(typeof(ExecCreateResponse))] // POST /containers/{id}/exec
[JsonSerializable(typeof(ExecStartRequest))] // POST /exec/{id}/start
[JsonSerializable(typeof(ExecInspectResponse))] // GET /exec/{id}/json
[JsonSerializable(typeof(EngineErrorResponse))] // any failed request
internal sealed partial class EngineJsonContext : JsonSerializerContext;
