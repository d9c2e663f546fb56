using Rind.Serialization;
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
    /// <param name="callTimeout">How long one call may take (RIND_TIMEOUT); an exec's stream has no limit.</param>
    /// <param name="maxAnswerLength">The most bytes of an answer's body rind reads.</param>
    public DockerEngineClient(
        EngineEndpoint endpoint,
        IEngineDialer dialer,
        ApiVersion? requestedVersion,
        ILogger logger,
        TimeSpan? callTimeout = null,
        long maxAnswerLength = EngineHttpClient.DefaultMaxAnswerLength)
    {
        _endpoint = endpoint;
        _dialer = dialer;
        _requestedVersion = requestedVersion;
        _logger = logger;
        _http = new EngineHttpClient(dialer, endpoint.BaseAddress.Authority, callTimeout ?? EngineSettings.DefaultCallTimeout, maxAnswerLength);
    }

    /// <summary>A client for a unix:// or plain tcp:// engine.</summary>
    public DockerEngineClient(EngineEndpoint endpoint, ApiVersion? requestedVersion, ILogger logger, TimeSpan? callTimeout = null)
        : this(endpoint, new SocketDialer(endpoint), requestedVersion, logger, callTimeout)
    {
    }

    public Task<ApiVersion> ConnectAsync(CancellationToken cancellationToken) => Run(cancellationToken, () =>
    {
        ApiVersion version;
        if (_requestedVersion is { } requested)
        {
            version = requested;
            LogMessages.ApiVersionRequested(_logger, version.ToString(), _endpoint.Address);
        }
        else
        {
            var answer = Send("GET", "/_ping", jsonBody: null);
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
    });

    public Task<IReadOnlyList<ContainerSummary>> ListContainersWithLabelAsync(string label, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<ContainerSummary>>(cancellationToken, () =>
        {
            var filters = Uri.EscapeDataString($$"""{"label":[{{JsonSerializer.Serialize(label, RindJsonContext.Default.String)}}]}""");
            var answer = Send("GET", $"{_versionPrefix}/containers/json?all=1&filters={filters}", jsonBody: null);
            return ReadJson(answer, RindJsonContext.Default.ContainerSummaryArray);
        });

    public Task<string> CreateExecAsync(string containerId, ExecCreateRequest request, CancellationToken cancellationToken) =>
        Run(cancellationToken, () =>
        {
            var answer = Send(
                "POST",
                $"{_versionPrefix}/containers/{Uri.EscapeDataString(containerId)}/exec",
                JsonSerializer.SerializeToUtf8Bytes(request, RindJsonContext.Default.ExecCreateRequest));
            return ReadJson(answer, RindJsonContext.Default.ExecCreateResponse).Id;
        });

    public Task<IExecConnection> StartExecAsync(string execId, ExecStartRequest request, CancellationToken cancellationToken) =>
        Run<IExecConnection>(cancellationToken, () =>
        {
            var target = $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/start";
            var (head, connection) = Transport("POST", target, () => _http.SendUpgrade(
                target, JsonSerializer.SerializeToUtf8Bytes(request, RindJsonContext.Default.ExecStartRequest)));
            if (head.StatusCode == (int)HttpStatusCode.SwitchingProtocols)
            {
                return new HijackedExecConnection(connection.TakeUpgradedStream(), connection.Connection);
            }

            using (connection)
            {
                EnsureSuccess(new HttpAnswer(head, Transport("POST", target, () => _http.ReadBody(connection, head))));
                throw new RindException($"the engine at {_endpoint.Address} did not hand over the exec's stream (HTTP {head.StatusCode})");
            }
        });

    public Task StartExecDetachedAsync(string execId, CancellationToken cancellationToken) =>
        Run(cancellationToken, () => EnsureSuccess(Send(
            "POST",
            $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/start",
            JsonSerializer.SerializeToUtf8Bytes(new ExecStartRequest { Detach = true }, RindJsonContext.Default.ExecStartRequest))));

    public Task ResizeExecAsync(string execId, int rows, int columns, CancellationToken cancellationToken) =>
        Run(cancellationToken, () =>
        {
            var target = string.Create(CultureInfo.InvariantCulture, $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/resize?h={rows}&w={columns}");
            EnsureSuccess(Send("POST", target, jsonBody: null));
        });

    public Task<ExecInspectResponse> InspectExecAsync(string execId, CancellationToken cancellationToken) =>
        Run(cancellationToken, () =>
            ReadJson(Send("GET", $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/json", jsonBody: null), RindJsonContext.Default.ExecInspectResponse));

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Makes a call over the blocking connections (see <see cref="IEngineDialer"/>): done by the time the task
    /// is returned, and a failure travels in the task, as from any asynchronous call.
    /// </summary>
    private static Task<T> Run<T>(CancellationToken cancellationToken, Func<T> call)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(call());
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }

    private static Task Run(CancellationToken cancellationToken, Action call) =>
        Run(cancellationToken, () =>
        {
            call();
            return true;
        });

    private HttpAnswer Send(string method, string target, byte[]? jsonBody) =>
        Transport(method, target, () => _http.Send(method, target, jsonBody));

    /// <summary>Turns the ways a request can fail on its way into one line that names the engine and, where it helps, the request.</summary>
    private T Transport<T>(string method, string target, Func<T> send)
    {
        try
        {
            return send();
        }
        catch (EngineTimeoutException timeout)
        {
            throw new RindException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"the engine at {_endpoint.Address} did not answer {method} {PathOf(target)} within {timeout.Limit.TotalSeconds:0.###} s; ") +
                $"it may be stuck or overloaded ({EngineSettings.TimeoutVariable}=SECONDS sets the limit)",
                innerException: timeout);
        }
        catch (EngineTransportException failure)
        {
            throw new RindException(failure.Message, innerException: failure);
        }
        catch (AnswerTooLargeException tooLarge)
        {
            throw new RindException(
                $"the engine at {_endpoint.Address} sent an answer to {method} {PathOf(target)} larger than " +
                string.Create(CultureInfo.InvariantCulture, $"{tooLarge.Limit / (1024 * 1024)} MiB, more than rind reads; it was not read"),
                innerException: tooLarge);
        }
        catch (IOException exception)
        {
            // Where the answer was cut short is worth saying; the system's words for a broken connection seldom are.
            var where = exception is AnswerCutShortException ? $" ({exception.Message})" : "";
            var hint = _dialer.FailureHint is { } known ? $": {known}" : "";
            throw new RindException($"the engine at {_endpoint.Address} broke off the request{where}{hint}", innerException: exception);
        }
        catch (InvalidDataException exception)
        {
            throw new RindException($"the engine at {_endpoint.Address} gave an answer rind cannot read ({exception.Message})", innerException: exception);
        }
    }

    /// <summary>The request's path without the API version and the query, as a user would name the call.</summary>
    private static string PathOf(string target)
    {
        var path = target.Split('?', 2)[0];
        return path.StartsWith("/v", StringComparison.Ordinal) && path.IndexOf('/', 1) is var slash and > 0 ? path[slash..] : path;
    }

    private T ReadJson<T>(HttpAnswer answer, JsonTypeInfo<T> typeInfo)
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

    private static void EnsureSuccess(HttpAnswer answer)
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
