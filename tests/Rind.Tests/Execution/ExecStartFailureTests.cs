using Rind.Execution;

namespace Rind.Tests.Execution;

public sealed class ExecStartFailureTests
{
    [Theory]
    [InlineData("OCI runtime exec failed: exec failed: unable to start container process: exec: \"nope\": executable file not found in $PATH: unknown\r\n")]
    [InlineData("OCI runtime exec failed: exec failed: unable to start container process: exec: \"/no/such\": stat /no/such: no such file or directory: unknown")]
    [InlineData("crun: executable file `nope` not found in $PATH: No such file or directory: OCI runtime attempted to invoke a command that was not found")]
    [InlineData("Error: runc: exec failed: unable to start container process: exec: \"nope\": executable file not found in $PATH: OCI runtime attempted to invoke a command that was not found\n")]
    public void A_missing_command_is_127_as_in_a_shell(string engineMessage)
    {
        Assert.Equal(new ExecStartFailure(127, "nope: command not found"), ExecStartFailure.Classify("nope", engineMessage));
    }

    [Fact]
    public void A_command_that_may_not_be_run_is_126()
    {
        var failure = ExecStartFailure.Classify(
            "/opt/x", "OCI runtime exec failed: exec failed: unable to start container process: exec: \"/opt/x\": permission denied: unknown");

        Assert.Equal(new ExecStartFailure(126, "/opt/x: permission denied"), failure);
    }

    [Fact]
    public void A_command_podman_may_not_run_is_126()
    {
        var failure = ExecStartFailure.Classify(
            "/opt/x", "Error: runc: exec failed: unable to start container process: exec: \"/opt/x\": permission denied: OCI permission denied\n");

        Assert.Equal(new ExecStartFailure(126, "/opt/x: permission denied"), failure);
    }

    [Fact]
    public void Podmans_error_prefix_is_left_out_of_the_engines_words()
    {
        var failure = ExecStartFailure.Classify("x", "Error: crun: something new: OCI runtime error\n");

        Assert.Equal(new ExecStartFailure(126, "cannot run x: crun: something new: OCI runtime error"), failure);
    }

    [Fact]
    public void A_directory_is_126()
    {
        Assert.Equal(126, ExecStartFailure.Classify("/tmp", "OCI runtime exec failed: exec: \"/tmp\": is a directory: unknown").ExitCode);
    }

    [Fact]
    public void Any_other_reason_is_126_with_the_engines_words_on_one_line()
    {
        var failure = ExecStartFailure.Classify("x", "OCI runtime exec failed: something new\r\n");

        Assert.Equal(new ExecStartFailure(126, "cannot run x: OCI runtime exec failed: something new"), failure);
    }
}
