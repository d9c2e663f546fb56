using System.Diagnostics;
using Rind.Docker.Dialing;
using Rind.Transport.Dialing;

namespace Rind.Tests.Docker;

public sealed class SshProcessStreamTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Writing_to_an_ssh_that_failed_says_what_ssh_said()
    {
        using var stream = new SshProcessStream(await FailedSshAsync("ssh: connect to host build port 22: Connection refused"), "ssh://build");

        var failure = Assert.Throws<TransportException>(() =>
        {
            stream.Write("GET /_ping HTTP/1.1\r\n\r\n"u8);
            stream.Flush();
        });

        Assert.Equal("ssh to ssh://build failed (exit code 255): ssh: connect to host build port 22: Connection refused", failure.Message);
    }

    [Fact]
    public async Task Reading_from_an_ssh_that_failed_says_what_ssh_said()
    {
        using var stream = new SshProcessStream(await FailedSshAsync("ssh: Could not resolve hostname build"), "ssh://build");

        var failure = Assert.Throws<TransportException>(() => stream.Read(new byte[16]));

        Assert.Equal("ssh to ssh://build failed (exit code 255): ssh: Could not resolve hostname build", failure.Message);
    }

    [Fact]
    public async Task What_ssh_said_is_kept_with_its_control_characters_as_escapes()
    {
        using var stream = new SshProcessStream(await FailedSshAsync("banner \u001b]0;pwned\u0007\u001b[2J\u009b31m"), "ssh://build");

        var failure = Assert.Throws<TransportException>(() => stream.Read(new byte[16]));

        Assert.Equal(@"ssh to ssh://build failed (exit code 255): banner \x1b]0;pwned\x07\x1b[2J\u009b31m", failure.Message);
    }

    /// <summary>A stand-in for an ssh client that gave up at once: its stdin closed, its reason on stderr, exit code 255.</summary>
    private static async Task<Process> FailedSshAsync(string reason)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec 0<&-; echo \"$1\" >&2; exit 255");
        start.ArgumentList.Add("ssh");
        start.ArgumentList.Add(reason);
        var process = Process.Start(start)!;
        await process.WaitForExitAsync().WaitAsync(Timeout);
        return process;
    }
}
