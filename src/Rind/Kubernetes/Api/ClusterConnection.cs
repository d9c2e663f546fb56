using Rind.Platform;
using Rind.Transport.Http;
using Rind.Transport.Proxies;

namespace Rind.Kubernetes.Api;

/// <summary>
/// The API server as every request and exec of a run reaches it: rind's own HTTP/1.1 over connections
/// from a <see cref="ClusterDialer"/> (one kept open for the next request), its address and deadline, and
/// the credentials each request carries.
/// </summary>
internal sealed class ClusterConnection : IDisposable
{
    private readonly ClusterAccess _access;

    /// <param name="callTimeout">How long one call may take (RIND_TIMEOUT); an exec's stream, once open, has no limit.</param>
    /// <param name="environment">rind's environment, for HTTPS_PROXY, HTTP_PROXY and NO_PROXY.</param>
    /// <param name="maxResponseLength">The most bytes of a response's body rind reads.</param>
    /// <exception cref="RindException">The proxy the cluster or the environment names cannot be used.</exception>
    public ClusterConnection(ClusterAccess access, TimeSpan callTimeout, IEnvironment environment, long maxResponseLength = Http1Client.DefaultMaxResponseLength)
    {
        _access = access;
        CallTimeout = callTimeout;
        KeepAlive = ExecKeepAlive.For(callTimeout);
        Words = new ClusterWords(access.Server);
        var proxy = ProxyChoice.For(access.Server, access.Proxy, environment.GetVariable);
        Http = new Http1Client(new ClusterDialer(access, proxy), access.Server.Authority, callTimeout, maxResponseLength);
    }

    /// <summary>What messages call the server.</summary>
    public string Description => Words.Name;

    /// <summary>How a call that failed on its way is told.</summary>
    public ClusterWords Words { get; }

    public Http1Client Http { get; }

    /// <summary>How long one call may take (RIND_TIMEOUT).</summary>
    public TimeSpan CallTimeout { get; }

    /// <summary>How the connection of an exec, once open, is kept alive and given up.</summary>
    public ExecKeepAlive KeepAlive { get; }

    /// <summary>The Authorization header for the current credentials; none without a token.</summary>
    /// <exception cref="RindException">The credentials cannot be had, or their token cannot go in a header.</exception>
    public IReadOnlyList<KeyValuePair<string, string>> Authorization()
    {
        if (_access.Credentials.Get().BearerToken is not { Length: > 0 } token)
        {
            return [];
        }

        return token.Any(character => char.IsControl(character) || character > '\u007e')
            ? throw new RindException("the bearer token of the kubeconfig's user holds characters a token cannot have (a line break?)")
            : [new("Authorization", "Bearer " + token)];
    }

    /// <summary>
    /// The request target of an API path on this server, kept under the server's own path where it has one
    /// (a cluster behind Rancher's proxy: https://host/k8s/clusters/ID).
    /// </summary>
    public string Target(string pathAndQuery) => _access.Server.AbsolutePath.TrimEnd('/') + pathAndQuery;

    public void Dispose() => Http.Dispose();
}
