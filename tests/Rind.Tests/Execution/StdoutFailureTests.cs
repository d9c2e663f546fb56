using Rind.Execution;

namespace Rind.Tests.Execution;

public sealed class StdoutFailureTests
{
    [Fact]
    public void A_reader_that_went_away_ends_rind_quietly_with_141()
    {
        Assert.Equal(new ExecOutcome(141), StdoutFailure.OutcomeOf(new IOException("Broken pipe", 32)));
    }

    [Theory]
    [InlineData(28, "No space left on device")]
    [InlineData(5, "Input/output error")]
    [InlineData(9, "Bad file descriptor")]
    public void Any_other_failure_is_a_one_line_error_with_the_systems_reason_and_exit_code_1(int errno, string reason)
    {
        var outcome = StdoutFailure.OutcomeOf(new IOException(reason, errno));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal($"cannot write to stdout: {reason}", outcome.Message);
    }

    [Fact]
    public void A_failure_without_an_errno_is_not_taken_for_a_reader_that_went_away()
    {
        Assert.False(StdoutFailure.IsReaderGone(new IOException("writing to descriptor 1 made no progress")));
    }
}
