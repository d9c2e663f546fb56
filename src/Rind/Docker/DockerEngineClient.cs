using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Rind.Diagnostics;
using Rind.Docker.Models;
using Rind.Serialization;
using Rind.Transport;
using Rind.Transport.Dialing;
using Rind.Transport.Http;

namespace Rind.Docker;

/// <summary>
/// A small Docker Engine API client: HTTP/1.1 over the engine's socket, JSON by source generation.
/// JSON calls share one kept-open connection; an exec's stream gets a connection of its own.
/// </summary>
internal sealed class DockerEngineClient : IDockerEngine
{
    private readonly EngineWords _words;
    private readonly Http1Client _http;
    private readonly string _versionPrefix;

    private DockerEngineClient(EngineWords words, Http1Client http, ApiVersion version)
    {
        _words = words;
        _http = http;
        Version = version;
        _versionPrefix = "/v" + version;
    }

    public ApiVersion Version { get; }

    /// <summary>
    /// Opens a client for the engine at <paramref name="endpoint"/>: asks the engine which API version it speaks
    /// and settles on the one both sides know, unless <paramref name="requestedVersion"/> says which.
    /// </summary>
    /// <param name="dialer">Opens connections to the engine at <paramref name="endpoint"/>.</param>
    /// <param name="requestedVersion">The API version to speak without asking the engine (DOCKER_API_VERSION).</param>
    /// <param name="callTimeout">How long one call may take (RIND_TIMEOUT); an exec's stream has no limit.</param>
    /// <param name="maxResponseLength">The most bytes of a response's body rind reads.</param>
    public static DockerEngineClient Connect(
        EngineEndpoint endpoint,
        IDialer dialer,
        ApiVersion? requestedVersion,
        ILogger logger,
        TimeSpan? callTimeout = null,
        long maxResponseLength = Http1Client.DefaultMaxResponseLength)
    {
        var http = new Http1Client(dialer, endpoint.BaseAddress.Authority, callTimeout ?? CallTimeoutSetting.Default, maxResponseLength);
        var words = new EngineWords(endpoint, dialer);
        try
        {
            return new DockerEngineClient(words, http, requestedVersion is { } requested
                ? Requested(endpoint, requested, logger)
                : Negotiate(endpoint, words, http, logger));
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public IReadOnlyList<ContainerSummary> ListContainersWithLabel(string label)
    {
        var filters = Uri.EscapeDataString($$"""{"label":[{{JsonSerializer.Serialize(label, RindJsonContext.Default.String)}}]}""");
        return Call("GET", $"{_versionPrefix}/containers/json?all=1&filters={filters}", jsonBody: null, RindJsonContext.Default.ContainerSummaryArray);
    }

    public ContainerInspectResponse InspectContainer(string containerId) =>
        Call("GET", $"{_versionPrefix}/containers/{Uri.EscapeDataString(containerId)}/json", jsonBody: null, RindJsonContext.Default.ContainerInspectResponse);

    public string CreateExec(string containerId, ExecCreateRequest request)
    {
        return Call(
            "POST",
            $"{_versionPrefix}/containers/{Uri.EscapeDataString(containerId)}/exec",
            JsonSerializer.SerializeToUtf8Bytes(request, RindJsonContext.Default.ExecCreateRequest),
            RindJsonContext.Default.ExecCreateResponse).Id;
    }

    public UpgradedStream StartExec(string execId, ExecStartRequest request)
    {
        var target = $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/start";
        var upgrade = new HttpRequest("POST", target)
        {
            JsonBody = JsonSerializer.SerializeToUtf8Bytes(request, RindJsonContext.Default.ExecStartRequest),
            Upgrade = "tcp",
        };
        var response = CallFailure.Guard(_words, CallName("POST", target), () => _http.Upgrade(upgrade));
        if (response.Stream is { } stream)
        {
            return stream;
        }

        EnsureSuccess(new HttpResponse(response.Head, response.Body));
        throw new RindException($"{_words.Name} did not hand over the exec's stream (HTTP {response.Head.StatusCode})");
    }

    public void StartExecDetached(string execId) =>
        EnsureSuccess(Send(
            "POST",
            $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/start",
            JsonSerializer.SerializeToUtf8Bytes(new ExecStartRequest { Detach = true }, RindJsonContext.Default.ExecStartRequest)));

    public void ResizeExec(string execId, int rows, int columns)
    {
        var target = string.Create(CultureInfo.InvariantCulture, $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/resize?h={rows}&w={columns}");
        EnsureSuccess(Send("POST", target, jsonBody: null));
    }

    public ExecInspectResponse InspectExec(string execId) =>
        Call("GET", $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/json", jsonBody: null, RindJsonContext.Default.ExecInspectResponse);

    public void Dispose() => _http.Dispose();

    private static ApiVersion Requested(EngineEndpoint endpoint, ApiVersion version, ILogger logger)
    {
        LogMessages.ApiVersionRequested(logger, version.ToString(), endpoint.Address);
        return version;
    }

    private static ApiVersion Negotiate(EngineEndpoint endpoint, EngineWords words, Http1Client http, ILogger logger)
    {
        var answer = CallFailure.Guard(words, "GET /_ping", () => http.Send("GET", "/_ping", jsonBody: null));
        EnsureSuccess(answer);
        if (!ApiVersion.TryParse(answer.Head.Header("Api-Version"), out var engineVersion))
        {
            throw new RindException($"the engine at {endpoint.Address} did not say which API version it speaks; is it a Docker engine?");
        }

        if (engineVersion.CompareTo(ApiVersion.Minimum) < 0)
        {
            throw new RindException(
                $"the engine at {endpoint.Address} speaks API {engineVersion}, older than {ApiVersion.Minimum} " +
                "(Docker 20.10) which rind needs: upgrade the engine");
        }

        var version = ApiVersion.Negotiate(engineVersion);
        LogMessages.ApiVersionNegotiated(logger, version.ToString(), engineVersion.ToString(), endpoint.Address);
        return version;
    }

    private HttpResponse Send(string method, string target, byte[]? jsonBody) =>
        CallFailure.Guard(_words, CallName(method, target), () => _http.Send(method, target, jsonBody));

    /// <summary>Sends a request and reads its JSON response.</summary>
    private T Call<T>(string method, string target, byte[]? jsonBody, JsonTypeInfo<T> typeInfo)
    {
        var answer = Send(method, target, jsonBody);
        EnsureSuccess(answer);
        return CallFailure.ReadJson(_words, CallName(method, target), answer.Body, typeInfo);
    }

    /// <summary>The request as a user would name the call: its method and its path, without the API version and the query.</summary>
    private static string CallName(string method, string target)
    {
        var path = target.Split('?', 2)[0];
        return $"{method} {(path.StartsWith("/v", StringComparison.Ordinal) && path.IndexOf('/', 1) is var slash and > 0 ? path[slash..] : path)}";
    }

    private static void EnsureSuccess(HttpResponse answer)
    {
        if (answer.Head.IsSuccess)
        {
            return;
        }

        throw new EngineRequestException(
            (HttpStatusCode)answer.Head.StatusCode,
            RefusalBody.MessageOf(answer.Body) ?? string.Create(CultureInfo.InvariantCulture, $"HTTP {answer.Head.StatusCode}"));
    }
}
