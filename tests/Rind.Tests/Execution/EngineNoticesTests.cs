using System.Text;
using Rind.Backends;
using Rind.Execution;

namespace Rind.Tests.Execution;

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
        Assert.True(EngineNotices.MayOpenWith(Kind(onStderr), Encoding.UTF8.GetBytes(text)));
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
        Assert.False(EngineNotices.MayOpenWith(Kind(onStderr), Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Podmans_errors_after_a_held_notice_belong_to_it()
    {
        Assert.True(EngineNotices.MayContinueWith(Encoding.UTF8.GetBytes(PodmanAttachError)));
        Assert.False(EngineNotices.MayContinueWith("output\n"u8));
    }

    [Theory]
    [InlineData("OCI runtime exec failed: exec failed: x", nameof(EngineNotice.StartFailed))]
    [InlineData(PodmanNotFound, nameof(EngineNotice.StartFailed))]
    [InlineData(PodmanPermissionDenied, nameof(EngineNotice.StartFailed))]
    [InlineData("Error: runc: exec failed: unable to start container process: something else: OCI runtime error\n", nameof(EngineNotice.StartFailed))]
    [InlineData("unable to find user nosuchuser: no matching entries in passwd file\r\n", nameof(EngineNotice.StartFailed))]
    [InlineData("unable to find group nosuchgroup: no matching entries in group file\r\n", nameof(EngineNotice.StartFailed))]
    [InlineData("no users found\r\n", nameof(EngineNotice.StartFailed))]
    [InlineData("exec attach failed: error on attach stdin: read escape sequence\r\n", nameof(EngineNotice.DetachedCommandEnded))]
    [InlineData("Error: detached from container\n", nameof(EngineNotice.DetachedCommandRuns))]
    [InlineData("Error: file not found\n", nameof(EngineNotice.None))]
    [InlineData("anything\n", nameof(EngineNotice.None))]
    [InlineData(null, nameof(EngineNotice.None))]
    public void A_held_notice_says_what_happened(string? notice, string expected)
    {
        Assert.Equal(expected, EngineNotices.Classify(notice).ToString());
    }

    private static StreamKind Kind(bool onStderr) => onStderr ? StreamKind.Stderr : StreamKind.Stdout;
}
