using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Rind.Diagnostics;
using Rind.Docker.Dialing;
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
    private readonly EngineEndpoint _endpoint;
    private readonly IDialer _dialer;
    private readonly Http1Client _http;
    private readonly string _versionPrefix;

    private DockerEngineClient(EngineEndpoint endpoint, IDialer dialer, Http1Client http, ApiVersion version)
    {
        _endpoint = endpoint;
        _dialer = dialer;
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
        try
        {
            return new DockerEngineClient(endpoint, dialer, http, requestedVersion is { } requested
                ? Requested(endpoint, requested, logger)
                : Negotiate(endpoint, dialer, http, logger));
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>A client for a unix:// or plain tcp:// engine.</summary>
    public static DockerEngineClient Connect(EngineEndpoint endpoint, ApiVersion? requestedVersion, ILogger logger, TimeSpan? callTimeout = null) =>
        Connect(endpoint, new SocketDialer(endpoint), requestedVersion, logger, callTimeout);

    public IReadOnlyList<ContainerSummary> ListContainersWithLabel(string label)
    {
        var filters = Uri.EscapeDataString($$"""{"label":[{{JsonSerializer.Serialize(label, RindJsonContext.Default.String)}}]}""");
        var answer = Send("GET", $"{_versionPrefix}/containers/json?all=1&filters={filters}", jsonBody: null);
        return ReadJson(answer, RindJsonContext.Default.ContainerSummaryArray);
    }

    public string CreateExec(string containerId, ExecCreateRequest request)
    {
        var answer = Send(
            "POST",
            $"{_versionPrefix}/containers/{Uri.EscapeDataString(containerId)}/exec",
            JsonSerializer.SerializeToUtf8Bytes(request, RindJsonContext.Default.ExecCreateRequest));
        return ReadJson(answer, RindJsonContext.Default.ExecCreateResponse).Id;
    }

    public UpgradedStream StartExec(string execId, ExecStartRequest request)
    {
        var target = $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/start";
        var (head, connection) = Transport(_endpoint, _dialer, "POST", target, () => _http.SendUpgrade(
            target, JsonSerializer.SerializeToUtf8Bytes(request, RindJsonContext.Default.ExecStartRequest)));
        if (head.StatusCode == (int)HttpStatusCode.SwitchingProtocols)
        {
            return connection.TakeUpgradedStream();
        }

        using (connection)
        {
            EnsureSuccess(new HttpResponse(head, Transport(_endpoint, _dialer, "POST", target, () => _http.ReadBody(connection, head))));
            throw new RindException($"the engine at {_endpoint.Address} did not hand over the exec's stream (HTTP {head.StatusCode})");
        }
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
        ReadJson(Send("GET", $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/json", jsonBody: null), RindJsonContext.Default.ExecInspectResponse);

    public void Dispose() => _http.Dispose();

    private static ApiVersion Requested(EngineEndpoint endpoint, ApiVersion version, ILogger logger)
    {
        LogMessages.ApiVersionRequested(logger, version.ToString(), endpoint.Address);
        return version;
    }

    private static ApiVersion Negotiate(EngineEndpoint endpoint, IDialer dialer, Http1Client http, ILogger logger)
    {
        var answer = Transport(endpoint, dialer, "GET", "/_ping", () => http.Send("GET", "/_ping", jsonBody: null));
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
        Transport(_endpoint, _dialer, method, target, () => _http.Send(method, target, jsonBody));

    /// <summary>Turns the ways a request can fail on its way into one line that names the engine and, where it helps, the request.</summary>
    private static T Transport<T>(EngineEndpoint endpoint, IDialer dialer, string method, string target, Func<T> send)
    {
        try
        {
            return send();
        }
        catch (CallTimeoutException timeout)
        {
            throw CallFailure.TimedOut($"the engine at {endpoint.Address}", $"{method} {PathOf(target)}", timeout);
        }
        catch (TransportException failure)
        {
            throw new RindException(failure.Message, innerException: failure);
        }
        catch (ResponseTooLargeException tooLarge)
        {
            throw CallFailure.TooLarge($"the engine at {endpoint.Address}", $"an answer to {method} {PathOf(target)}", tooLarge);
        }
        catch (IOException exception)
        {
            // Where the response was cut short is worth saying; the system's words for a broken connection seldom are.
            var where = exception is ResponseCutShortException ? $" ({exception.Message})" : "";
            var hint = dialer.FailureHint is { } known ? $": {known}" : "";
            throw new RindException($"the engine at {endpoint.Address} broke off the request{where}{hint}", innerException: exception);
        }
        catch (InvalidDataException exception)
        {
            throw new RindException($"the engine at {endpoint.Address} gave an answer rind cannot read ({exception.Message})", innerException: exception);
        }
    }

    /// <summary>The request's path without the API version and the query, as a user would name the call.</summary>
    private static string PathOf(string target)
    {
        var path = target.Split('?', 2)[0];
        return path.StartsWith("/v", StringComparison.Ordinal) && path.IndexOf('/', 1) is var slash and > 0 ? path[slash..] : path;
    }

    private T ReadJson<T>(HttpResponse answer, JsonTypeInfo<T> typeInfo)
    {
        EnsureSuccess(answer);
        try
        {
            return JsonSerializer.Deserialize(answer.Body, typeInfo) ?? throw new JsonException("empty answer", path: null, lineNumber: 0, bytePositionInLine: 0);
        }
        catch (JsonException exception)
        {
            throw new RindException($"the engine at {_endpoint.Address} gave an answer rind cannot read ({JsonFailure.Describe(exception)})", innerException: exception);
        }
    }

    private static void EnsureSuccess(HttpResponse answer)
    {
        if (answer.Head.IsSuccess)
        {
            return;
        }

        string? message = null;
        try
        {
            message = JsonSerializer.Deserialize(answer.Body, RindJsonContext.Default.EngineErrorResponse)?.Message;
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
