using System.Net;
using System.Net.Http.Headers;

namespace Rind.Kubernetes.Api;

/// <summary>
/// The API server as every request and exec of a run reaches it: one connection pool (one TLS session,
/// reused), its address and deadline, and the credentials each request carries.
/// </summary>
internal sealed class ClusterConnection : IDisposable
{
    private readonly ClusterAccess _access;
    private readonly Lazy<HttpMessageInvoker> _invoker;

    /// <param name="callTimeout">How long one call may take (RIND_TIMEOUT); an exec's stream, once open, has no limit.</param>
    public ClusterConnection(ClusterAccess access, TimeSpan callTimeout)
    {
        _access = access;
        CallTimeout = callTimeout;
        // Made at the first request: the client certificate may come from a credential plugin, run only then.
        _invoker = new Lazy<HttpMessageInvoker>(CreateInvoker, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>What messages call the server.</summary>
    public string Description => $"the cluster at {_access.Server.GetLeftPart(UriPartial.Authority)}";

    public TimeSpan CallTimeout { get; }

    public HttpMessageInvoker Invoker => _invoker.Value;

    /// <summary>The Authorization header's value for the current credentials; null without a token.</summary>
    public AuthenticationHeaderValue? Authorization() =>
        _access.Credentials.Get().BearerToken is { Length: > 0 } token ? new AuthenticationHeaderValue("Bearer", token) : null;

    /// <summary>
    /// The address of an API path on this server, kept under the server's own path where it has one
    /// (a cluster behind Rancher's proxy: https://host/k8s/clusters/ID).
    /// </summary>
    public Uri Address(string pathAndQuery, bool webSocket = false)
    {
        var builder = new UriBuilder(_access.Server);
        var split = pathAndQuery.Split('?', 2);
        builder.Path = builder.Path.TrimEnd('/') + split[0];
        builder.Query = split.Length > 1 ? split[1] : "";
        if (webSocket)
        {
            builder.Scheme = builder.Scheme == Uri.UriSchemeHttp ? "ws" : "wss";
        }

        return builder.Uri;
    }

    /// <summary>A token that is cancelled when a call's deadline passes.</summary>
    public CancellationTokenSource Deadline() =>
        CallTimeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(CallTimeout);

    public void Dispose()
    {
        if (_invoker.IsValueCreated)
        {
            _invoker.Value.Dispose();
        }
    }

    private HttpMessageInvoker CreateInvoker()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = CallTimeout,
            SslOptions = ClusterTls.Options(_access, _access.Credentials.Get().ClientCertificate),
        };

        // Without proxy-url, the proxy of the environment (HTTPS_PROXY, NO_PROXY) applies, as for kubectl.
        if (_access.Proxy is { } proxy)
        {
            handler.Proxy = new WebProxy(proxy);
        }

        return new HttpMessageInvoker(handler, disposeHandler: true);
    }
}
