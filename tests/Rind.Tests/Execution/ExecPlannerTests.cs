using Rind.Cli;
using Rind.Engine;
using Rind.Engine.Models;
using Rind.Execution;

namespace Rind.Tests.Execution;

public sealed class ExecPlannerTests
{
    private static readonly Invocation Shell = new(InvocationAction.Run, Verbose: false, TtyMode.Auto, Command: []);
    private static readonly Invocation Top = new(InvocationAction.Run, Verbose: false, TtyMode.Auto, Command: ["top", "-d", "1"]);
    private static readonly ApiVersion Current = new(1, 47);

    [Fact]
    public void A_terminal_session_passes_TERM_and_rinds_detach_keys()
    {
        var plan = ExecPlanner.Plan(Shell, Container(), tty: true, term: "screen-256color", configuredDetachKeys: null, Current);

        Assert.True(plan.Tty);
        Assert.Equal(["TERM=screen-256color"], plan.Environment);
        Assert.Equal(DetachKeys.RindDefault, plan.DetachKeys);
    }

    [Fact]
    public void The_users_detach_keys_win()
    {
        var plan = ExecPlanner.Plan(Shell, Container(), tty: true, term: "xterm", configuredDetachKeys: "ctrl-x,x", Current);

        Assert.Equal("ctrl-x,x", plan.DetachKeys);
    }

    [Fact]
    public void Without_TERM_the_container_is_told_xterm()
    {
        var plan = ExecPlanner.Plan(Shell, Container(), tty: true, term: null, configuredDetachKeys: null, Current);

        Assert.Equal(["TERM=xterm"], plan.Environment);
    }

    [Fact]
    public void Without_a_terminal_nothing_is_added_to_the_environment()
    {
        var plan = ExecPlanner.Plan(Shell, Container(), tty: false, term: "xterm", configuredDetachKeys: "ctrl-x,x", Current);

        Assert.False(plan.Tty);
        Assert.Empty(plan.Environment);
        Assert.Null(plan.DetachKeys);
    }

    [Fact]
    public void The_labels_give_the_pre_step_and_the_shell()
    {
        var container = Container(("app.rind", "source /venv/bin/activate"), ("app.rind.shell", "zsh"));

        var plan = ExecPlanner.Plan(Shell, container, tty: true, term: "xterm", configuredDetachKeys: null, Current);

        Assert.Equal(["/bin/sh", "-c"], plan.Argv.Take(2));
        Assert.Contains("source /venv/bin/activate", plan.Argv[2], StringComparison.Ordinal);
        Assert.Equal(["rind", "zsh"], plan.Argv.Skip(3));
    }

    [Fact]
    public void On_an_engine_that_sizes_terminals_at_creation_the_command_runs_directly()
    {
        var plan = ExecPlanner.Plan(Top, Container(), tty: true, term: "xterm", configuredDetachKeys: null, new ApiVersion(1, 42));

        Assert.Equal(["top", "-d", "1"], plan.Argv);
    }

    [Fact]
    public void On_an_older_engine_a_terminal_session_waits_for_its_size_before_the_command_starts()
    {
        var plan = ExecPlanner.Plan(Top, Container(), tty: true, term: "xterm", configuredDetachKeys: null, new ApiVersion(1, 41));

        Assert.Equal(["/bin/sh", "-c"], plan.Argv.Take(2));
        Assert.Contains("stty size", plan.Argv[2], StringComparison.Ordinal);
        Assert.Equal(["rind", "top", "-d", "1"], plan.Argv.Skip(3));
    }

    [Fact]
    public void Without_a_terminal_an_older_engine_runs_the_command_directly()
    {
        var plan = ExecPlanner.Plan(Top, Container(), tty: false, term: "xterm", configuredDetachKeys: null, new ApiVersion(1, 41));

        Assert.Equal(["top", "-d", "1"], plan.Argv);
    }

    private static ContainerSummary Container(params (string Key, string Value)[] labels) => new()
    {
        Id = "c0ffee",
        Names = ["/web"],
        State = "running",
        Labels = labels.ToDictionary(label => label.Key, label => label.Value),
    };
}
