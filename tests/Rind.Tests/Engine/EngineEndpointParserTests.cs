using Rind.Engine;

namespace Rind.Tests.Engine;

public sealed class EngineEndpointParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Without_DOCKER_HOST_the_default_socket_is_used(string? value)
    {
        Assert.Equal(new UnixEngineEndpoint("/var/run/docker.sock"), EngineEndpointParser.Parse(value));
    }

    [Fact]
    public void A_unix_address_names_the_socket()
    {
        var endpoint = EngineEndpointParser.Parse("unix:///run/user/1000/docker.sock");

        Assert.Equal(new UnixEngineEndpoint("/run/user/1000/docker.sock"), endpoint);
        Assert.Equal("unix:///run/user/1000/docker.sock", endpoint.Address);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:2376", "127.0.0.1", 2376)]
    [InlineData("tcp://localhost", "localhost", 2375)]
    [InlineData("tcp://localhost:", "localhost", 2375)]
    [InlineData("tcp://127.0.0.1:2375/", "127.0.0.1", 2375)]
    [InlineData("tcp://[::1]:2380", "::1", 2380)]
    [InlineData("tcp://[::1]", "::1", 2375)]
    public void A_tcp_address_names_host_and_port_with_2375_by_default(string value, string host, int port)
    {
        Assert.Equal(new TcpEngineEndpoint(host, port), EngineEndpointParser.Parse(value));
    }

    [Fact]
    public void An_ipv6_tcp_address_is_written_back_in_brackets()
    {
        var endpoint = EngineEndpointParser.Parse("tcp://[::1]:2380");

        Assert.Equal("tcp://[::1]:2380", endpoint.Address);
        Assert.Equal(new Uri("http://[::1]:2380/"), endpoint.BaseAddress);
    }

    [Theory]
    [InlineData("http://localhost:2375")]
    [InlineData("localhost:2375")]
    [InlineData("tcp://:2375")]
    [InlineData("tcp://host:port")]
    [InlineData("tcp://host:70000")]
    [InlineData("tcp://[::1")]
    public void An_address_rind_cannot_use_is_a_one_line_error(string value)
    {
        var exception = Assert.Throws<RindException>(() => EngineEndpointParser.Parse(value));

        Assert.Contains(value, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }
}
