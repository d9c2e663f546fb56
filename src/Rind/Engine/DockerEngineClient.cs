using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Rind.Diagnostics;
using Rind.Engine.Models;
using Rind.Engine.Transport;

namespace Rind.Engine;

/// <summary>
/// A small Docker Engine API client: HTTP/1.1 over the engine's socket, JSON by source generation.
/// JSON calls share one pooled connection; an exec's stream gets a connection of its own.
/// </summary>
internal sealed class DockerEngineClient : IDockerEngine
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly EngineEndpoint _endpoint;
    private readonly IEngineDialer _dialer;
    private readonly ApiVersion? _requestedVersion;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private string _versionPrefix = "";

    /// <param name="dialer">Opens connections to the engine at <paramref name="endpoint"/>.</param>
    /// <param name="requestedVersion">The API version to speak without asking the engine (DOCKER_API_VERSION).</param>
    public DockerEngineClient(EngineEndpoint endpoint, IEngineDialer dialer, ApiVersion? requestedVersion, ILogger logger)
    {
        _endpoint = endpoint;
        _dialer = dialer;
        _requestedVersion = requestedVersion;
        _logger = logger;
        _http = CreateHttpClient(onConnected: null);
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
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/_ping"), cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            var reported = response.Headers.TryGetValues("Api-Version", out var values) ? values.FirstOrDefault() : null;
            if (!ApiVersion.TryParse(reported, out var engineVersion))
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
        using var response = await SendAsync(
            new HttpRequestMessage(HttpMethod.Get, $"{_versionPrefix}/containers/json?all=1&filters={filters}"),
            cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, EngineJsonContext.Default.ContainerSummaryArray, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> CreateExecAsync(string containerId, ExecCreateRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, $"{_versionPrefix}/containers/{Uri.EscapeDataString(containerId)}/exec")
        {
            Content = JsonBody(request, EngineJsonContext.Default.ExecCreateRequest),
        };
        using var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        var created = await ReadJsonAsync(response, EngineJsonContext.Default.ExecCreateResponse, cancellationToken).ConfigureAwait(false);
        return created.Id;
    }

    public async Task<IExecConnection> StartExecAsync(string execId, ExecStartRequest request, CancellationToken cancellationToken)
    {
        EngineConnection? connection = null;
        var client = CreateHttpClient(connected => connection = connected);
        HttpResponseMessage? response = null;
        try
        {
            var message = new HttpRequestMessage(HttpMethod.Post, $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/start")
            {
                Content = JsonBody(request, EngineJsonContext.Default.ExecStartRequest),
            };
            // Asking for an upgrade makes the engine answer 101 and hand over the raw connection.
            message.Headers.Connection.Add("Upgrade");
            message.Headers.Upgrade.Add(new ProductHeaderValue("tcp"));

            response = await SendAsync(client, message, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.SwitchingProtocols)
            {
                await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
                throw new RindException($"the engine at {_endpoint.Address} did not hand over the exec's stream (HTTP {(int)response.StatusCode})");
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new HijackedExecConnection(client, response, stream, connection!);
        }
        catch
        {
            response?.Dispose();
            client.Dispose();
            throw;
        }
    }

    public async Task StartExecDetachedAsync(string execId, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/start")
        {
            Content = JsonBody(new ExecStartRequest { Detach = true }, EngineJsonContext.Default.ExecStartRequest),
        };
        using var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task ResizeExecAsync(string execId, int rows, int columns, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/resize?h={rows}&w={columns}");
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, path), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ExecInspectResponse> InspectExecAsync(string execId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            new HttpRequestMessage(HttpMethod.Get, $"{_versionPrefix}/exec/{Uri.EscapeDataString(execId)}/json"),
            cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, EngineJsonContext.Default.ExecInspectResponse, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private HttpClient CreateHttpClient(Action<EngineConnection>? onConnected)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var connection = await _dialer.DialAsync(cancellationToken).ConfigureAwait(false);
                onConnected?.Invoke(connection);
                return connection.Stream;
            },
        };
        return new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = _endpoint.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    private static ByteArrayContent JsonBody<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken) =>
        SendAsync(_http, message, cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (TransportFailure(exception) is { } failure)
        {
            throw new RindException(failure.Message, innerException: failure);
        }
        catch (HttpRequestException exception)
        {
            var hint = _dialer.FailureHint is { } known ? $": {known}" : "";
            throw new RindException($"the engine at {_endpoint.Address} broke off the request{hint}", innerException: exception);
        }
        finally
        {
            message.Dispose();
        }
    }

    private static EngineTransportException? TransportFailure(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is EngineTransportException failure)
            {
                return failure;
            }
        }

        return null;
    }

    private async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("empty answer");
            }
        }
        catch (JsonException exception)
        {
            throw new RindException($"the engine at {_endpoint.Address} gave an answer rind cannot read ({exception.Message})", innerException: exception);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string? message = null;
        try
        {
            message = JsonSerializer.Deserialize(body, EngineJsonContext.Default.EngineErrorResponse)?.Message;
        }
        catch (JsonException)
        {
            // Not every proxy in front of an engine answers in JSON; the raw text says enough.
        }

        message ??= body.Trim();
        throw new EngineRequestException(
            response.StatusCode,
            message.Length > 0 ? message : string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}"));
    }
}
