using Rind.Docker;
using Rind.Docker.Dialing;

namespace Rind.Tests.Docker;

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

    [Fact]
    public void A_remote_socket_path_with_shell_syntax_reaches_the_remote_shell_as_one_quoted_word()
    {
        var arguments = SshDialer.Arguments(new SshEngineEndpoint(null, "build", null, "/run/docker.sock;touch${IFS}/tmp/x"));

        Assert.Equal(["--", "build", "docker", "'--host=unix:///run/docker.sock;touch${IFS}/tmp/x'", "system", "dial-stdio"], arguments.Skip(3));
    }

    [Fact]
    public void A_single_quote_in_the_remote_socket_path_cannot_end_the_quoting()
    {
        var arguments = SshDialer.Arguments(new SshEngineEndpoint(null, "build", null, "/run/x';reboot;'"));

        Assert.Equal(@"'--host=unix:///run/x'\'';reboot;'\'''", arguments[^3]);
    }
}
