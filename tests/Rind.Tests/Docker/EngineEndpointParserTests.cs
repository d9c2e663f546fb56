using Rind.Docker;

namespace Rind.Tests.Docker;

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
    [InlineData("tcp://127.0.0.1", false, 2375)]
    [InlineData("tcp://127.0.0.1", true, 2376)]
    [InlineData("tcp://127.0.0.1:9999", true, 9999)]
    public void With_tls_the_default_port_is_2376(string value, bool tls, int port)
    {
        Assert.Equal(new TcpEngineEndpoint("127.0.0.1", port), EngineEndpointParser.Parse(value, tls));
    }

    [Theory]
    [InlineData("ssh://build", null, "build", null, null)]
    [InlineData("ssh://me@build:2222", "me", "build", 2222, null)]
    [InlineData("ssh://me@build/run/user/1000/docker.sock", "me", "build", null, "/run/user/1000/docker.sock")]
    [InlineData("ssh://[::1]:22", null, "::1", 22, null)]
    [InlineData("ssh://build/", null, "build", null, null)]
    public void An_ssh_address_names_user_host_port_and_remote_socket(string value, string? user, string host, int? port, string? path)
    {
        Assert.Equal(new SshEngineEndpoint(user, host, port, path), EngineEndpointParser.Parse(value));
    }

    [Fact]
    public void An_error_says_where_the_address_came_from()
    {
        var exception = Assert.Throws<RindException>(() => EngineEndpointParser.Parse("tcp://host:port", source: "--host"));

        Assert.Equal("tcp://host:port (from --host) is not a valid address: give tcp://host[:port]", exception.Message);
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

    [Theory]
    [InlineData("tcp://me:s3cret@127.0.0.1:9", "tcp://me:***@127.0.0.1:9")]
    [InlineData("tcp://me@127.0.0.1:9", "tcp://me@127.0.0.1:9")]
    [InlineData("tcp://me:s3:cr@t@[::1]:9/", "tcp://me:***@[::1]:9")]
    public void A_tcp_address_with_user_info_reaches_its_host_and_port_and_shows_no_password(string value, string shown)
    {
        var endpoint = Assert.IsType<TcpEngineEndpoint>(EngineEndpointParser.Parse(value));

        Assert.Equal(9, endpoint.Port);
        Assert.Equal(shown, endpoint.Address);
        Assert.Equal($"http://{endpoint.Address[(endpoint.Address.IndexOf('@', StringComparison.Ordinal) + 1)..]}/", endpoint.BaseAddress.ToString());
    }

    [Theory]
    [InlineData("ssh://me:s3cret@build", "ssh://me:***@build")]
    [InlineData("ssh://me:s3cret@build:22/run/docker.sock", "ssh://me:***@build:22/run/docker.sock")]
    [InlineData("ssh://me:s3@cret@build", "ssh://me:***@build")]
    public void An_ssh_address_with_a_password_is_refused_without_showing_it(string value, string shown)
    {
        var exception = Assert.Throws<RindException>(() => EngineEndpointParser.Parse(value, source: "DOCKER_HOST"));

        Assert.Equal(
            $"{shown} (from DOCKER_HOST) holds a password, which an ssh:// address cannot: give ssh://[user@]host[:port] and let ssh log in",
            exception.Message);
    }

    [Theory]
    [InlineData("tcp://me:s3cret@host:port", "tcp://me:***@host:port (from --host) is not a valid address")]
    [InlineData("tcp://me:s3/cret@host:1", "tcp://me:***@host:1 (from --host) is not a valid address")]
    [InlineData("tcp://me:s3cret@", "tcp://me:***@ (from --host) is not a valid address")]
    [InlineData("http://me:s3cret@host", "http://me:***@host (from --host) is not an engine address")]
    [InlineData("me:s3cret@host:2375", "me:***@host:2375 (from --host) is not an engine address")]
    [InlineData("ssh://:s3cret@host", "ssh://:***@host (from --host) holds a password")]
    public void An_address_rind_cannot_use_never_shows_its_password(string value, string start)
    {
        var exception = Assert.Throws<RindException>(() => EngineEndpointParser.Parse(value, source: "--host"));

        Assert.StartsWith(start, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3", exception.Message, StringComparison.Ordinal);
    }
}
