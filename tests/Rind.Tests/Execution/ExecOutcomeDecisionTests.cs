using Rind.Backends;
using Rind.Docker;
using Rind.Execution;

namespace Rind.Tests.Execution;

public sealed class ExecOutcomeDecisionTests
{
    private static readonly ExecPlan Command = new(["tool", "arg"], Tty: false, Environment: []);
    private static readonly ExecPlan Terminal = Command with { Tty = true };

    /// <summary>The engine's traits, whose notices these decisions read.</summary>
    private static readonly BackendTraits Engine = new("the engine", SizesTerminalAtStart: true, ReportsStartFailures: true, EngineNotices.Instance);

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(255)]
    public void A_command_that_ended_gives_its_own_exit_code_and_its_held_output(long exitCode)
    {
        var outcome = ExecOutcomeDecision.Decide(Command, new ExecState(Running: false, exitCode, Pid: 42), heldNotice: null, Engine);

        Assert.Equal(new ExecOutcome((int)exitCode) { ReleasesHeldOutput = true }, outcome);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(-2)]
    [InlineData(4_294_967_296)]
    public void An_exit_code_no_process_can_have_is_rinds_failure(long exitCode)
    {
        var outcome = ExecOutcomeDecision.Decide(Command, new ExecState(Running: false, exitCode, Pid: 42), heldNotice: null, Engine);

        Assert.Equal(125, outcome.ExitCode);
        Assert.Equal($"the engine reported an impossible exit code ({exitCode}) for the command", outcome.Message);
    }

    [Fact]
    public void Output_that_ends_while_the_command_runs_is_a_detach_in_a_terminal_and_a_failure_without_one()
    {
        var running = new ExecState(Running: true, ExitCode: null, Pid: 42);

        Assert.Equal(new ExecOutcome(0, "detached; the command goes on running in the container"), ExecOutcomeDecision.Decide(Terminal, running, null, Engine));
        Assert.Equal(
            new ExecOutcome(125, "the connection to the command ended while it goes on running in the container"),
            ExecOutcomeDecision.Decide(Command, running, null, Engine));
    }

    [Fact]
    public void A_start_failure_the_backend_sends_apart_is_classified_as_a_shell_would_say_it()
    {
        var failed = new ExecState(Running: false, ExitCode: null, Pid: null)
        {
            StartFailure = "failed to exec in container: exec: \"tool\": executable file not found in $PATH",
        };

        var outcome = ExecOutcomeDecision.Decide(Command, failed, heldNotice: null, Engine);

        Assert.Equal(new ExecOutcome(127, "tool: command not found"), outcome);
    }

    [Fact]
    public void An_engine_notice_of_a_process_that_never_started_is_the_reason_not_output()
    {
        const string notice = "OCI runtime exec failed: exec failed: unable to start container process: exec: \"tool\": executable file not found in $PATH: unknown\r\n";

        var outcome = ExecOutcomeDecision.Decide(Command, new ExecState(Running: false, ExitCode: 126, Pid: 0), notice, Engine);

        Assert.Equal(new ExecOutcome(127, "tool: command not found"), outcome);
    }

    [Fact]
    public void The_same_text_from_a_process_that_ran_is_the_commands_own_output()
    {
        const string text = "OCI runtime exec failed: printed by the command itself\n";

        var outcome = ExecOutcomeDecision.Decide(Command, new ExecState(Running: false, ExitCode: 126, Pid: 42), text, Engine);

        Assert.Equal(new ExecOutcome(126) { ReleasesHeldOutput = true }, outcome);
    }

    [Fact]
    public void Podmans_detach_notice_with_its_unknown_exit_code_means_the_command_runs_on()
    {
        var outcome = ExecOutcomeDecision.Decide(Terminal, new ExecState(Running: false, ExitCode: -1, Pid: 42), "Error: detached from container\n", Engine);

        Assert.Equal(new ExecOutcome(0, "detached; the command goes on running in the container"), outcome);
    }
}
