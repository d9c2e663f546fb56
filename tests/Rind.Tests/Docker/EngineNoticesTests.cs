using System.Text;
using Rind.Backends;
using Rind.Docker;

namespace Rind.Tests.Docker;

public sealed class EngineNoticesTests
{
    private const string PodmanNotFound =
        "Error: runc: exec failed: unable to start container process: exec: \"nope\": executable file not found in $PATH: " +
        "OCI runtime attempted to invoke a command that was not found\n";

    private const string PodmanPermissionDenied =
        "Error: runc: exec failed: unable to start container process: exec: \"/opt/x\": permission denied: OCI permission denied\n";

    private const string PodmanAttachError = "Error: read unixpacket @->/proc/self/fd/16/attach: read: connection reset by peer\n";

    [Theory]
    [InlineData(false, "OCI runtime exec failed: exec failed: unable to start container process\r\n")]
    [InlineData(false, "exec attach failed: error on attach stdin: read escape sequence\r\n")]
    [InlineData(true, PodmanNotFound)]
    [InlineData(true, PodmanPermissionDenied)]
    [InlineData(true, "Error: crun: executable file `nope` not found in $PATH: No such file or directory: OCI runtime attempted to invoke a command that was not found\n")]
    [InlineData(true, "Error: detached from container\n")]
    [InlineData(false, "Error: detached from container\n")]
    [InlineData(false, "unable to find user nosuchuser: no matching entries in passwd file\r\n")]
    [InlineData(false, "unable to find group nosuchgroup: no matching entries in group file\r\n")]
    [InlineData(false, "no users found\r\n")]
    [InlineData(false, "no groups found\r\n")]
    public void The_engines_notices_are_held_back(bool onStderr, string text)
    {
        Assert.True(EngineNotices.Instance.MayOpenWith(Kind(onStderr), Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData(true, "OCI runtime exec failed: written by the command to stderr\n")]
    [InlineData(true, "Error: file not found\n")]
    [InlineData(false, "Error: no such thing\n")]
    [InlineData(true, PodmanAttachError)]
    [InlineData(true, "unable to find user bob: written by the command to stderr\n")]
    [InlineData(false, "output\n")]
    public void A_commands_own_output_and_the_engines_other_errors_are_not_held_back(bool onStderr, string text)
    {
        Assert.False(EngineNotices.Instance.MayOpenWith(Kind(onStderr), Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Podmans_errors_after_a_held_notice_belong_to_it()
    {
        Assert.True(EngineNotices.Instance.MayContinueWith(Encoding.UTF8.GetBytes(PodmanAttachError)));
        Assert.False(EngineNotices.Instance.MayContinueWith("output\n"u8));
    }

    [Theory]
    [InlineData("OCI runtime exec failed: exec failed: x", nameof(OutputNotice.StartFailed))]
    [InlineData(PodmanNotFound, nameof(OutputNotice.StartFailed))]
    [InlineData(PodmanPermissionDenied, nameof(OutputNotice.StartFailed))]
    [InlineData("Error: runc: exec failed: unable to start container process: something else: OCI runtime error\n", nameof(OutputNotice.StartFailed))]
    [InlineData("unable to find user nosuchuser: no matching entries in passwd file\r\n", nameof(OutputNotice.StartFailed))]
    [InlineData("unable to find group nosuchgroup: no matching entries in group file\r\n", nameof(OutputNotice.StartFailed))]
    [InlineData("no users found\r\n", nameof(OutputNotice.StartFailed))]
    [InlineData("exec attach failed: error on attach stdin: read escape sequence\r\n", nameof(OutputNotice.DetachedCommandEnded))]
    [InlineData("Error: detached from container\n", nameof(OutputNotice.DetachedCommandRuns))]
    [InlineData("Error: file not found\n", nameof(OutputNotice.None))]
    [InlineData("anything\n", nameof(OutputNotice.None))]
    [InlineData(null, nameof(OutputNotice.None))]
    public void A_held_notice_says_what_happened(string? notice, string expected)
    {
        Assert.Equal(expected, EngineNotices.Classify(notice).ToString());
    }

    [Theory]
    [InlineData(-1, nameof(OutputNotice.DetachedCommandRuns))]
    [InlineData(0, nameof(OutputNotice.None))]
    [InlineData(137, nameof(OutputNotice.None))]
    public void Podmans_detach_notice_means_the_command_runs_on_only_when_no_exit_code_came_with_it(long exitCode, string expected)
    {
        var ended = new ExecState(Running: false, exitCode, Pid: 42);

        Assert.Equal(expected, EngineNotices.Instance.Classify("Error: detached from container\n", ended).ToString());
    }

    [Theory]
    [InlineData("Error: runc: exec failed: no such thing\n", "runc: exec failed: no such thing")]
    [InlineData("OCI runtime exec failed: exec failed:\r\nsomething\r\n", "OCI runtime exec failed: exec failed: something")]
    public void The_engines_words_are_quoted_on_one_line_without_podmans_prefix(string notice, string expected)
    {
        Assert.Equal(expected, EngineNotices.Instance.Words(notice));
    }

    private static StreamKind Kind(bool onStderr) => onStderr ? StreamKind.Stderr : StreamKind.Stdout;
}
