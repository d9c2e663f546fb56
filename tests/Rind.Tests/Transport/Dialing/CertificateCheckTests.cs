using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Rind.Transport.Dialing;

namespace Rind.Tests.Transport.Dialing;

public sealed class CertificateCheckTests
{
    [Fact]
    public void A_certificate_the_handshake_found_nothing_wrong_with_is_accepted()
    {
        var check = new CertificateCheck(problem => $"refused: {problem}");

        Assert.True(check.Accepts(SslPolicyErrors.None, chain: null));
        Assert.Null(check.Refusal);
    }

    [Theory]
    [InlineData(SslPolicyErrors.RemoteCertificateNotAvailable, nameof(CertificateProblem.Missing))]
    [InlineData(SslPolicyErrors.RemoteCertificateNameMismatch, nameof(CertificateProblem.WrongName))]
    [InlineData(SslPolicyErrors.RemoteCertificateChainErrors, nameof(CertificateProblem.UnknownAuthority))]
    [InlineData(SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch, nameof(CertificateProblem.UnknownAuthority))]
    public void A_refused_certificate_keeps_why_in_the_callers_words(SslPolicyErrors errors, string problem)
    {
        var check = new CertificateCheck(found => $"refused: {found}");

        Assert.False(check.Accepts(errors, chain: null));
        Assert.Equal($"refused: {problem}", check.Refusal);
    }

    [Fact]
    public void Without_words_any_certificate_is_accepted_unchecked()
    {
        var check = new CertificateCheck(describe: null);

        Assert.True(check.Accepts(SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch, chain: null));
        Assert.Null(check.Refusal);
    }

    [Fact]
    public void The_options_name_the_host_trust_the_authorities_given_and_check_no_revocation()
    {
        var trust = new X509ChainPolicy();
        var check = new CertificateCheck(problem => problem.ToString());

        var options = check.Options("api.cluster.internal", clientCertificate: null, trust);

        Assert.Equal("api.cluster.internal", options.TargetHost);
        Assert.Same(trust, options.CertificateChainPolicy);
        Assert.Equal(X509RevocationMode.NoCheck, options.CertificateRevocationCheckMode);
        Assert.Null(options.ClientCertificates);
        Assert.False(options.RemoteCertificateValidationCallback!(new object(), null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
        Assert.Equal("Missing", check.Refusal);
    }
}
