using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Rind.Kubernetes;
using Rind.Kubernetes.Api;
using Rind.Tests.Fakes;

namespace Rind.Tests.Kubernetes;

/// <summary>The API server reached through an HTTP proxy's CONNECT tunnel, TLS inside it.</summary>
public sealed class ProxyTunnelTests : IDisposable
{
    private readonly TestCertificates _certificates = TestCertificates.Create();

    [Fact(Timeout = 10_000)]
    public async Task The_request_goes_through_the_proxys_tunnel_with_tls_to_the_server_inside_it()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(200, """{"items":[]}"""), _certificates.Server);
        await using var proxy = LoopbackConnectProxy.Start();
        using var client = Client(server.Address, new Uri($"http://dev:s%3Acret@127.0.0.1:{proxy.Address.Port}"));

        var pods = await Task.Run(() => client.ListPods("shop", "app.rind"));

        Assert.Empty(pods);
        var connect = Assert.Single(proxy.Requests);
        var authority = $"127.0.0.1:{server.Address.Port}";
        Assert.StartsWith($"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n", connect, StringComparison.Ordinal);
        Assert.Contains("\r\nProxy-Authorization: Basic ZGV2OnM6Y3JldA==\r\n", connect, StringComparison.Ordinal);
        Assert.Equal("/api/v1/namespaces/shop/pods", Assert.Single(server.Requests).Path);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_proxy_that_wants_credentials_is_named_in_one_line()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(200, """{"items":[]}"""), _certificates.Server);
        await using var proxy = LoopbackConnectProxy.Start(status: 407);
        using var client = Client(server.Address, proxy.Address);

        var failure = await Task.Run(() => Assert.Throws<RindException>(() => client.ListPods("shop", "app.rind")));

        Assert.Equal(
            $"cannot reach the cluster at {server.Address.GetLeftPart(UriPartial.Authority)} for the list of pods in namespace shop: " +
            $"the proxy {proxy.Address.GetLeftPart(UriPartial.Authority)} refused the way to 127.0.0.1:{server.Address.Port} (HTTP 407); " +
            "it wants credentials, as user:password@ in its address",
            failure.Message);
        Assert.Empty(server.Requests);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_proxy_that_closes_the_connection_without_answering_is_named_as_the_proxy()
    {
        // It takes the CONNECT request in, and hangs up.
        await using var proxy = new LoopbackTcpServer(async (connection, stop) => _ = await connection.GetStream().ReadAsync(new byte[4096], stop));
        using var client = Client(new Uri("https://127.0.0.1:6443"), new Uri($"http://127.0.0.1:{proxy.Port}"));

        var failure = await Task.Run(() => Assert.Throws<RindException>(() => client.ListPods("shop", "app.rind")));

        Assert.Equal(
            "cannot reach the cluster at https://127.0.0.1:6443 for the list of pods in namespace shop: " +
            $"the proxy http://127.0.0.1:{proxy.Port} failed (it closed the connection without answering)",
            failure.Message);
    }

    public void Dispose() => _certificates.Dispose();

    private KubernetesApiClient Client(Uri server, Uri proxy)
    {
        var access = new ClusterAccess(server, "dev", "shop", Mock.Of<IClusterCredentials>(source => source.Get() == ClusterCredential.None))
        {
            CertificateAuthority = _certificates.AuthorityPem,
            Proxy = proxy,
        };
        return new KubernetesApiClient(new ClusterConnection(access, TimeSpan.FromSeconds(5), new FakeEnvironment()), NullLogger.Instance);
    }
}
