using System.Text;
using Rind.Kubernetes.Configuration;

namespace Rind.Tests.Kubernetes.Configuration;

public sealed class ExecCredentialAnswerTests
{
    private const string Plugin = "the credential plugin \"aws\" of user \"alice\"";

    [Fact]
    public void A_token_answer_is_read()
    {
        var status = Read("""{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t","expirationTimestamp":"2030-01-01T00:00:00Z"}}""");

        Assert.Equal("t", status.Token);
    }

    [Fact]
    public void A_certificate_answer_is_read()
    {
        var status = Read("""{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"clientCertificateData":"CERT","clientKeyData":"KEY"}}""");

        Assert.Equal(("CERT", "KEY"), (status.ClientCertificateData, status.ClientKeyData));
    }

    [Theory]
    [InlineData("not json", $"{Plugin} answered something other than an ExecCredential: it is not the JSON rind expects (line 1, byte 2)")]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v1","kind":"Secret"}""", $"{Plugin} answered a kind other than ExecCredential: \"Secret\"")]
    [InlineData("""{"apiVersion":"v1\u001b[2J","kind":"ExecCredential"}""", $"{Plugin} answered in apiVersion \"v1\\x1b[2J\", but the kubeconfig asks for client.authentication.k8s.io/v1")]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential"}""", $"{Plugin} answered without a status")]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{}}""", $"{Plugin} answered neither a token nor a client certificate")]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"clientCertificateData":"C"}}""", $"{Plugin} answered a client certificate without its key")]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t","clientKeyData":"K"}}""", $"{Plugin} answered a client key without its certificate")]
    public void An_answer_without_usable_credentials_is_refused_in_one_line(string answer, string expected)
    {
        Assert.Equal(expected, Assert.Throws<RindException>(() => Read(answer)).Message);
    }

    private static ExecCredentialStatus Read(string answer) =>
        ExecCredentialAnswer.Read(Encoding.UTF8.GetBytes(answer), ExecPluginRules.V1, Plugin);
}
