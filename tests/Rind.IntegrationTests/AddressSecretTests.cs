using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>A password written into an engine address, which no message of rind's may show.</summary>
public sealed class AddressSecretTests
{
    [Fact]
    public async Task A_password_in_a_tcp_address_is_shown_as_stars_in_verbose_and_errors()
    {
        var result = await RindBinary.RunAsync(["-v", "-H", "tcp://user:s3cret@127.0.0.1:9", "true"], timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(125, result.ExitCode);
        Assert.DoesNotContain("s3cret", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("rind: engine tcp://user:***@127.0.0.1:9 from --host", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("cannot reach the Docker engine at tcp://user:***@127.0.0.1:9", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_in_an_ssh_address_is_refused_without_being_shown()
    {
        var result = await RindBinary.RunAsync(
            ["true"], environment: new Dictionary<string, string?> { ["DOCKER_HOST"] = "ssh://user:s3cret@127.0.0.1" }, timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(125, result.ExitCode);
        Assert.DoesNotContain("s3cret", result.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("rind: ssh://user:***@127.0.0.1 (from DOCKER_HOST) holds a password", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }
}
