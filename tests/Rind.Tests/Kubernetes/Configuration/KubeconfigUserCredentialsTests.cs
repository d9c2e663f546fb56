using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Rind.Tests.Kubernetes.Configuration;

public sealed class KubeconfigUserCredentialsTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly KubeconfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_token_file_is_read_when_the_credentials_are_first_needed_and_trimmed()
    {
        var access = _folder.Resolve(Kubeconfig("{tokenFile: secrets/token}"));
        _folder.Write("secrets/token", "  file-token\n");

        Assert.Equal("file-token", access.Credentials.Get().BearerToken);
    }

    [Fact]
    public void A_token_file_is_read_once_per_run()
    {
        _folder.Write("token", "first");
        var credentials = _folder.Resolve(Kubeconfig("{tokenFile: token}")).Credentials;
        var first = credentials.Get();
        _folder.Write("token", "second");

        Assert.Same(first, credentials.Get());
    }

    [Fact]
    public void A_readable_token_file_wins_over_the_token_beside_it()
    {
        _folder.Write("token", "from-file");

        Assert.Equal("from-file", _folder.Resolve(Kubeconfig("{token: written, tokenFile: token}")).Credentials.Get().BearerToken);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" \n")]
    public void The_token_beside_a_missing_or_empty_token_file_stands_in_for_it(string? content)
    {
        if (content is not null)
        {
            _folder.Write("token", content);
        }

        Assert.Equal("written", _folder.Resolve(Kubeconfig("{token: written, tokenFile: token}")).Credentials.Get().BearerToken);
    }

    [Fact]
    public void A_missing_token_file_alone_is_a_one_line_error_naming_it()
    {
        var credentials = _folder.Resolve(Kubeconfig("{tokenFile: token}")).Credentials;

        var message = Assert.Throws<RindException>(credentials.Get).Message;

        Assert.Equal($"cannot read the tokenFile of user \"alice\", {_folder.PathOf("token")}: it does not exist", message);
    }

    [Fact]
    public void An_empty_token_file_alone_is_refused()
    {
        _folder.Write("token", "\n");
        var credentials = _folder.Resolve(Kubeconfig("{tokenFile: token}")).Credentials;

        var message = Assert.Throws<RindException>(credentials.Get).Message;

        Assert.Equal($"the tokenFile of user \"alice\", {_folder.PathOf("token")}, is empty", message);
    }

    [Fact]
    public async Task A_client_certificate_and_key_from_files_are_presented_in_the_TLS_handshake()
    {
        var client = new TestCertificate("alice");
        _folder.Write("pki/alice.crt", client.CertificatePem);
        _folder.Write("pki/alice.key", client.KeyPem);
        var credential = _folder.Resolve(Kubeconfig("{client-certificate: pki/alice.crt, client-key: pki/alice.key}")).Credentials.Get();

        var presented = await PresentAsync(credential.ClientCertificate!);

        Assert.Equal(client.Subject, presented);
        Assert.Null(credential.BearerToken);
    }

    [Fact]
    public async Task A_client_certificate_and_key_from_data_are_presented_in_the_TLS_handshake_beside_a_token()
    {
        var client = new TestCertificate("bob");
        var credential = _folder.Resolve(Kubeconfig(
            $"{{token: t, client-certificate-data: {TestCertificate.Base64(client.CertificatePem)}, client-key-data: {TestCertificate.Base64(client.KeyPem)}}}")).Credentials.Get();

        var presented = await PresentAsync(credential.ClientCertificate!);

        Assert.Equal(client.Subject, presented);
        Assert.Equal("t", credential.BearerToken);
    }

    [Fact]
    public void A_key_that_is_not_the_certificate_s_is_a_one_line_error()
    {
        var credentials = _folder.Resolve(Kubeconfig(
            $"{{client-certificate-data: {TestCertificate.Base64(new TestCertificate("a").CertificatePem)}, client-key-data: {TestCertificate.Base64(new TestCertificate("b").KeyPem)}}}")).Credentials;

        var message = Assert.Throws<RindException>(credentials.Get).Message;

        Assert.StartsWith("the client certificate of user \"alice\" cannot be used: ", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void A_missing_client_key_file_is_a_one_line_error_naming_it()
    {
        _folder.Write("alice.crt", new TestCertificate("alice").CertificatePem);
        var credentials = _folder.Resolve(Kubeconfig("{client-certificate: alice.crt, client-key: alice.key}")).Credentials;

        var message = Assert.Throws<RindException>(credentials.Get).Message;

        Assert.Equal($"cannot read the client-key of user \"alice\", {_folder.PathOf("alice.key")}: it does not exist", message);
    }

    private string Kubeconfig(string user) => _folder.Write("config", $$"""
        current-context: dev
        clusters:
        - name: lab
          cluster: {server: "https://lab"}
        contexts:
        - name: dev
          context: {cluster: lab, user: alice}
        users:
        - name: alice
          user: {{user}}
        """);

    /// <summary>A loopback TLS server that asks for a client certificate: the subject of the one it received.</summary>
    private static async Task<string?> PresentAsync(X509Certificate2 clientCertificate)
    {
        var server = new TestCertificate("localhost");
        using var serverCertificate = X509Certificate2.CreateFromPem(server.CertificatePem, server.KeyPem);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var connection = new TcpClient();
        await connection.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port).WaitAsync(Timeout);
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(Timeout);

        await using var serverStream = new SslStream(accepted.GetStream(), false, (_, _, _, _) => true);
        await using var clientStream = new SslStream(connection.GetStream(), false, (_, _, _, _) => true);
        var serving = serverStream.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificate = serverCertificate,
            ClientCertificateRequired = true,
        });
        var authenticating = clientStream.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ClientCertificates = [clientCertificate],
        });
        await Task.WhenAll(serving, authenticating).WaitAsync(Timeout);
        return serverStream.RemoteCertificate?.Subject;
    }
}
