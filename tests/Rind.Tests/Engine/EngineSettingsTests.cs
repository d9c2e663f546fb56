using Rind.Engine;
using Rind.Tests.Fakes;

namespace Rind.Tests.Engine;

public sealed class EngineSettingsTests
{
    [Fact]
    public void DOCKER_HOST_and_DOCKER_API_VERSION_are_read_from_the_environment()
    {
        var environment = new FakeEnvironment(("DOCKER_HOST", "tcp://127.0.0.1:2999"), ("DOCKER_API_VERSION", "1.43"));

        var settings = EngineSettings.FromEnvironment(environment);

        Assert.Equal(new TcpEngineEndpoint("127.0.0.1", 2999), settings.Endpoint);
        Assert.Equal(new ApiVersion(1, 43), settings.ApiVersion);
    }

    [Fact]
    public void Without_DOCKER_API_VERSION_the_version_is_negotiated()
    {
        var settings = EngineSettings.FromEnvironment(new FakeEnvironment());

        Assert.Null(settings.ApiVersion);
        Assert.Equal(new UnixEngineEndpoint("/var/run/docker.sock"), settings.Endpoint);
    }

    [Fact]
    public void A_malformed_DOCKER_API_VERSION_is_a_one_line_error()
    {
        var exception = Assert.Throws<RindException>(
            () => EngineSettings.FromEnvironment(new FakeEnvironment(("DOCKER_API_VERSION", "latest"))));

        Assert.Equal("DOCKER_API_VERSION=latest is not an API version such as 1.41", exception.Message);
    }
}
