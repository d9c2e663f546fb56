using Rind.Engine;
using Rind.Engine.Transport;

namespace Rind.Tests.Engine;

public sealed class SshDialerTests
{
    [Fact]
    public void Ssh_runs_dial_stdio_on_the_host_with_options_before_the_host()
    {
        var arguments = SshDialer.Arguments(new SshEngineEndpoint(null, "build", null, null));

        Assert.Equal(["-o", "ConnectTimeout=30", "-T", "--", "build", "docker", "system", "dial-stdio"], arguments);
    }

    [Fact]
    public void User_port_and_remote_socket_are_passed_on()
    {
        var arguments = SshDialer.Arguments(new SshEngineEndpoint("me", "build", 2222, "/run/user/1000/docker.sock"));

        Assert.Equal(
            ["-o", "ConnectTimeout=30", "-T", "-l", "me", "-p", "2222", "--", "build", "docker", "--host=unix:///run/user/1000/docker.sock", "system", "dial-stdio"],
            arguments);
    }

    [Fact]
    public void A_host_that_looks_like_an_option_stays_a_host()
    {
        var arguments = SshDialer.Arguments(new SshEngineEndpoint(null, "-oProxyCommand=x", null, null));

        Assert.Equal(["--", "-oProxyCommand=x"], arguments.Skip(3).Take(2));
    }
}
