using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Rind.Diagnostics;
using Rind.Engine.Http;
using Rind.Engine.Models;
using Rind.Engine.Transport;

namespace Rind.Engine;

/// <summary>
/// A small Docker Engine API client: HTTP/1.1 over the engine's socket, JSON by source generation.
/// JSON calls share one kept-open connection; an exec's stream gets a connection of its own.
/// </summary>
internal sealed class DockerEngineClient : IDockerEngine
{
    private readonly EngineEndpoint _endpoint;
    private readonly IEngineDialer _dialer;
    private readonly ApiVersion? _requestedVersion;
    private readonly ILogger _logger;
    private readonly EngineHttpClient _http;
    private string _versionPrefix = "";

    /// <param name="dialer">Opens connections to the engine at <paramref name="endpoint"/>.</param>
    /// <param name="requestedVersion">The API version to speak without asking the engine (DOCKER_API_VERSION).</param>
    public DockerEngineClient(EngineEndpoint endpoint, IEngineDialer dialer, ApiVersion? requestedVersion, ILogger logger)
    {
        _endpoint = endpoint;
        _dialer = dialer;
        _requestedVersion = requestedVersion;
        _logger = logger;
        _http = new EngineHttpClient(dialer, endpoint.BaseAddress.Authority);
    }

    /// <summary>A client for a unix:// or plain tcp:// engine.</summary>
    public DockerEngineClient(EngineEndpoint endpoint, ApiVersion? requestedVersion, ILogger logger)
        : this(endpoint, new SocketDialer(endpoint), requestedVersion, logger)
    {
    }

    public async Task<ApiVersion> ConnectAsync(CancellationToken cancellationToken)
    {
        ApiVersion version;
        if (_requestedVersion is { } requested)
        {
            version = requested;
            LogMessages.ApiVersionRequested(_logger, version.ToString(), _endpoint.Address);
        }
        else
        {
            var answer = await SendAsync("GET", "/_ping", jsonBody: null, cancellationToken).ConfigureAwait(false);
            EnsureSuccess(answer);
            if (!ApiVersion.TryParse(answer.Head.Header("Api-Version"), out var engineVersion))
            {
                throw new RindException($"the engine at {_endpoint.Address} did not say which API version it speaks; is it a Docker engine?");
            }

            if (engineVersion.CompareTo(ApiVersion.Minimum) < 0)
            {
                throw new RindException(
                    $"the engine at {_endpoint.Address} speaks API {engineVersion}, older than {ApiVersion.Minimum} " +
                    "(Docker 20.10) which rind needs: upgrade the engine");
            }

            version = ApiVersion.Negotiate(engineVersion);
            LogMessages.ApiVersionNegotiated(_logger, version.ToString(), engineVersion.ToString(), _endpoint.Address);
        }

        _versionPrefix = "/v" + version;
        return version;
    }

    public async Task<IReadOnlyList<ContainerSummary>> ListContainersWithLabelAsync(string label, CancellationToken cancellationToken)
    {
        var filters = Uri.EscapeDataString($$"""{"label":[{{JsonSerializer.Serialize(label, EngineJsonContext.Default.String)}}]}""");
        var answer = await SendAsync("GET", $"{_versionPrefix}/containers/json?all=1&filters={filters}", jsonBody: null, cancellationToken)
            .ConfigureAwait(false);
        return ReadJson(answer, EngineJsonContext.Default.ContainerSummaryArray);
    }

    public async Task<string> CreateExecAsync(string containerId, ExecCreateRequest request, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(
            "POST",
            $"{_versionPrefix}/containers/{Uri.EscapeDataString(containerId)}/exec",
            JsonSerializer.SerializeToUtf8Bytes(request, EngineJsonContext.Default.ExecCreateRequest),
            cancellationToken).ConfigureAwait(false);
        return ReadJson(answer, EngineJsonContext.Default.ExecCreateResponse).Id;
    }

    public async Task<IExecConnection> StartExecAsync(string execId, ExecStartRequest request, CancellationToken cancellationToken)
    {
        var (head, connection) = await Transport(
            () => _http.SendUpgradeAsync(
                $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/start",
                JsonSerializer.SerializeToUtf8Bytes(request, EngineJsonContext.Default.ExecStartRequest),
                cancellationToken)).ConfigureAwait(false);
        if (head.StatusCode == (int)HttpStatusCode.SwitchingProtocols)
        {
            return new HijackedExecConnection(connection.TakeUpgradedStream(), connection.Connection);
        }

        using (connection)
        {
            var body = await Transport(() => connection.ReadBodyAsync(head, cancellationToken)).ConfigureAwait(false);
            EnsureSuccess(new HttpAnswer(head, body));
            throw new RindException($"the engine at {_endpoint.Address} did not hand over the exec's stream (HTTP {head.StatusCode})");
        }
    }

    public async Task StartExecDetachedAsync(string execId, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(
            "POST",
            $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/start",
            JsonSerializer.SerializeToUtf8Bytes(new ExecStartRequest { Detach = true }, EngineJsonContext.Default.ExecStartRequest),
            cancellationToken).ConfigureAwait(false);
        EnsureSuccess(answer);
    }

    public async Task ResizeExecAsync(string execId, int rows, int columns, CancellationToken cancellationToken)
    {
        var target = string.Create(CultureInfo.InvariantCulture, $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/resize?h={rows}&w={columns}");
        EnsureSuccess(await SendAsync("POST", target, jsonBody: null, cancellationToken).ConfigureAwait(false));
    }

    public async Task<ExecInspectResponse> InspectExecAsync(string execId, CancellationToken cancellationToken)
    {
        var answer = await SendAsync("GET", $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/json", jsonBody: null, cancellationToken)
            .ConfigureAwait(false);
        return ReadJson(answer, EngineJsonContext.Default.ExecInspectResponse);
    }

    public void Dispose() => _http.Dispose();

    private Task<HttpAnswer> SendAsync(string method, string target, byte[]? jsonBody, CancellationToken cancellationToken) =>
        Transport(() => _http.SendAsync(method, target, jsonBody, cancellationToken));

    /// <summary>Turns the ways a request can fail on its way into one line that names the engine.</summary>
    private async Task<T> Transport<T>(Func<Task<T>> send)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (EngineTransportException failure)
        {
            throw new RindException(failure.Message, innerException: failure);
        }
        catch (IOException exception)
        {
            var hint = _dialer.FailureHint is { } known ? $": {known}" : "";
            throw new RindException($"the engine at {_endpoint.Address} broke off the request{hint}", innerException: exception);
        }
        catch (InvalidDataException exception)
        {
            throw new RindException($"the engine at {_endpoint.Address} gave an answer rind cannot read ({exception.Message})", innerException: exception);
        }
    }

    private T ReadJson<T>(HttpAnswer answer, JsonTypeInfo<T> typeInfo)
    {
        EnsureSuccess(answer);
        try
        {
            return JsonSerializer.Deserialize(answer.Body, typeInfo) ?? throw new JsonException("empty answer");
        }
        catch (JsonException exception)
        {
            throw new RindException($"the engine at {_endpoint.Address} gave an answer rind cannot read ({exception.Message})", innerException: exception);
        }
    }

    private static void EnsureSuccess(HttpAnswer answer)
    {
        if (answer.Head.IsSuccess)
        {
            return;
        }

        string? message = null;
        try
        {
            message = JsonSerializer.Deserialize(answer.Body, EngineJsonContext.Default.EngineErrorResponse)?.Message;
        }
        catch (JsonException)
        {
            // Not every proxy in front of an engine answers in JSON; the raw text says enough.
        }

        message ??= Encoding.UTF8.GetString(answer.Body).Trim();
        throw new EngineRequestException(
            (HttpStatusCode)answer.Head.StatusCode,
            message.Length > 0 ? message : string.Create(CultureInfo.InvariantCulture, $"HTTP {answer.Head.StatusCode}"));
    }
}
