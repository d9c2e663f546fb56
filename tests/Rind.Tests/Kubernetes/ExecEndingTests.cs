using System.Text;
using Rind.Kubernetes.Api;

namespace Rind.Tests.Kubernetes;

public sealed class ExecEndingTests
{
    [Fact]
    public void A_success_status_is_exit_code_0()
    {
        var ended = ExecEnding.Of("""{"metadata":{},"status":"Success"}"""u8);

        Assert.Equal(0, ended.ExitCode);
        Assert.False(ended.Running);
    }

    [Fact]
    public void A_non_zero_exit_code_comes_from_the_cause_named_ExitCode()
    {
        var ended = ExecEnding.Of("""
            {"status":"Failure","message":"command terminated with non-zero exit code: exit status 42","reason":"NonZeroExitCode",
             "details":{"causes":[{"reason":"Other","message":"7"},{"reason":"ExitCode","message":"42"}]}}
            """u8);

        Assert.Equal(42, ended.ExitCode);
        Assert.Null(ended.StartFailure);
    }

    [Fact]
    public void Another_failure_is_a_start_failure_in_the_servers_own_words()
    {
        const string message = "Internal error occurred: error executing command in container: exec: \"nope\": executable file not found in $PATH";
        var status = $$"""{"status":"Failure","message":{{System.Text.Json.JsonSerializer.Serialize(message)}},"reason":"InternalError"}""";

        var ended = ExecEnding.Of(Encoding.UTF8.GetBytes(status));

        Assert.Null(ended.ExitCode);
        Assert.Equal(message, ended.StartFailure);
    }

    [Fact]
    public void A_non_zero_exit_without_a_readable_code_is_a_failure_not_a_success()
    {
        var ended = ExecEnding.Of("""{"status":"Failure","message":"terminated","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"many"}]}}"""u8);

        Assert.Null(ended.ExitCode);
        Assert.Equal("terminated", ended.StartFailure);
    }

    [Fact]
    public void No_status_at_all_is_a_success_as_kubectl_reads_it()
    {
        Assert.Equal(0, ExecEnding.Of([]).ExitCode);
    }

    [Fact]
    public void A_status_that_is_not_json_is_a_failure_rind_names()
    {
        var ended = ExecEnding.Of("exit 1"u8);

        Assert.Contains("rind cannot read", ended.StartFailure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0L)]
    [InlineData("  \n", 0L)]
    [InlineData("command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3", 3L)]
    public void The_text_of_the_protocols_before_v4_gives_success_or_the_exit_code_it_ends_with(string text, long exitCode)
    {
        Assert.Equal(exitCode, ExecEnding.OfText(text).ExitCode);
    }

    [Fact]
    public void Text_of_the_protocols_before_v4_without_an_exit_code_is_the_reason_the_command_did_not_start()
    {
        var ended = ExecEnding.OfText("container not found (\"app\")\n");

        Assert.Equal((null, "container not found (\"app\")"), (ended.ExitCode, ended.StartFailure));
    }
}
