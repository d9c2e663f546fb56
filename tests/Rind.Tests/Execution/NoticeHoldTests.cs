using Rind.Backends;
using Rind.Execution;

namespace Rind.Tests.Execution;

public sealed class NoticeHoldTests
{
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void A_running_exec_releases_the_output_at_once()
    {
        // Docker counts an exec as running from the start request on, before its process has a pid.
        Assert.Equal(HeldOutputDecision.Release, NoticeHold.Decide(Moment, new ExecState(Running: true, ExitCode: null, Pid: 0)));
    }

    [Fact]
    public void An_exec_with_a_pid_releases_the_output_at_once()
    {
        Assert.Equal(HeldOutputDecision.Release, NoticeHold.Decide(Moment, new ExecState(Running: false, ExitCode: 0, Pid: 4707)));
    }

    [Fact]
    public void An_exec_that_ended_without_a_pid_keeps_the_output_to_its_end()
    {
        var failed = new ExecState(Running: false, ExitCode: 126, Pid: 0);

        Assert.Equal(HeldOutputDecision.KeepToTheEnd, NoticeHold.Decide(Moment, failed));
        Assert.Equal(HeldOutputDecision.KeepToTheEnd, NoticeHold.Decide(TimeSpan.FromSeconds(5), failed));
    }

    [Fact]
    public void An_engine_that_cannot_tell_is_asked_again_for_a_second()
    {
        Assert.Equal(HeldOutputDecision.AskAgain, NoticeHold.Decide(Moment, null));
        Assert.Equal(HeldOutputDecision.AskAgain, NoticeHold.Decide(Moment, new ExecState(Running: false, ExitCode: null, Pid: 0)));
    }

    [Fact]
    public void After_a_second_without_an_answer_the_output_is_released()
    {
        Assert.Equal(HeldOutputDecision.Release, NoticeHold.Decide(NoticeHold.MaxTime, null));
        Assert.Equal(HeldOutputDecision.Release, NoticeHold.Decide(TimeSpan.FromSeconds(2), new ExecState(Running: false, ExitCode: null, Pid: null)));
    }
}
