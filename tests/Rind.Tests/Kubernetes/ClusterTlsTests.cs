using System.Net.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Rind.Kubernetes;
using Rind.Kubernetes.Api;
using Rind.Tests.Fakes;

namespace Rind.Tests.Kubernetes;

public sealed class ClusterTlsTests : IDisposable
{
    private readonly TestCertificates _certificates = TestCertificates.Create("api.cluster.internal");

    [Fact(Timeout = 10_000)]
    public async Task A_server_certificate_signed_by_the_kubeconfigs_authority_is_trusted()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(200, """{"items":[]}"""), _certificates.Server);
        using var client = Client(Access(server.Address) with { CertificateAuthority = _certificates.AuthorityPem });

        var pods = await Task.Run(() => client.ListPods("shop", "app.rind"));

        Assert.Empty(pods);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_server_certificate_of_another_authority_is_refused_in_one_line()
    {
        using var other = TestCertificates.Create();
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(200, """{"items":[]}"""), _certificates.Server);
        using var client = Client(Access(server.Address) with { CertificateAuthority = other.AuthorityPem });

        var failure = await Task.Run(() => Assert.Throws<RindException>(() => client.ListPods("shop", "app.rind")));

        Assert.Contains("its certificate was not accepted", failure.Message, StringComparison.Ordinal);
        Assert.Contains("certificate-authority", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.Empty(server.Requests);
    }

    [Fact(Timeout = 10_000)]
    public async Task Skipping_the_check_accepts_a_certificate_nobody_vouches_for()
    {
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(200, """{"items":[]}"""), _certificates.Server);
        using var client = Client(Access(server.Address) with { InsecureSkipTlsVerify = true });

        var pods = await Task.Run(() => client.ListPods("shop", "app.rind"));

        Assert.Empty(pods);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_tls_server_name_is_what_the_certificate_is_checked_against()
    {
        using var named = TestCertificates.Create("api.cluster.internal");
        await using var server = LoopbackApiServer.Start(_ => ApiResponse.Json(200, """{"items":[]}"""), named.Server);
        var localhost = new UriBuilder(server.Address) { Host = "localhost" }.Uri;
        using var client = Client(Access(localhost) with { CertificateAuthority = named.AuthorityPem, TlsServerName = "api.cluster.internal" });
        using var wrongName = Client(Access(localhost) with { CertificateAuthority = named.AuthorityPem, TlsServerName = "other.internal" });

        var pods = await Task.Run(() => client.ListPods("shop", "app.rind"));
        var failure = await Task.Run(() => Assert.Throws<RindException>(() => wrongName.ListPods("shop", "app.rind")));

        Assert.Empty(pods);
        Assert.Contains("its certificate was not accepted", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_authority_that_is_no_pem_is_said_to_be_so()
    {
        var failure = Assert.Throws<RindException>(() => ClusterTls.TrustOnly("not a certificate"u8.ToArray()));

        Assert.Contains("holds no PEM certificate", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SslPolicyErrors.RemoteCertificateNotAvailable, "it sent no certificate")]
    [InlineData(SslPolicyErrors.RemoteCertificateChainErrors, "it is not signed by the authority of the kubeconfig; check the kubeconfig's certificate-authority")]
    [InlineData(SslPolicyErrors.RemoteCertificateNameMismatch, "it is not made out to api.cluster.internal; check the kubeconfig's server, or its tls-server-name")]
    public void A_refused_certificate_is_told_in_the_clusters_words(SslPolicyErrors errors, string words)
    {
        var check = ClusterTls.Check(Access(new Uri("https://10.0.0.1:6443")) with { CertificateAuthority = _certificates.AuthorityPem, TlsServerName = "api.cluster.internal" });

        Assert.False(check.Accepts(errors, chain: null));
        Assert.Equal(words, check.Refusal);
    }

    [Fact]
    public void Skipping_the_check_refuses_nothing()
    {
        var check = ClusterTls.Check(Access(new Uri("https://10.0.0.1:6443")) with { InsecureSkipTlsVerify = true });

        Assert.True(check.Accepts(SslPolicyErrors.RemoteCertificateChainErrors, chain: null));
    }

    public void Dispose() => _certificates.Dispose();

    private static ClusterAccess Access(Uri server) =>
        new(server, "dev", "shop", Mock.Of<IClusterCredentials>(source => source.Get() == ClusterCredential.None));

    private static KubernetesApiClient Client(ClusterAccess access) =>
        new(new ClusterConnection(access, TimeSpan.FromSeconds(5), new FakeEnvironment()), NullLogger.Instance);
}
