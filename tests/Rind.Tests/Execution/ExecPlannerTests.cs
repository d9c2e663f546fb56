using Rind.Backends;
using Rind.Cli;
using Rind.Docker.Models;
using Rind.Execution;

namespace Rind.Tests.Execution;

public sealed class ExecPlannerTests
{
    private static readonly Invocation Shell = new(InvocationAction.Run, Verbose: false, TtyMode.Auto, Command: []);
    private static readonly Invocation Top = new(InvocationAction.Run, Verbose: false, TtyMode.Auto, Command: ["top", "-d", "1"]);
    /// <summary>A backend that sizes a terminal before its command starts, as Docker does from API 1.42.</summary>
    private const bool SizedAtStart = true;

    [Fact]
    public void A_terminal_session_passes_TERM_and_rinds_detach_keys()
    {
        var plan = ExecPlanner.Plan(Shell, Container(), new ExecConditions(true, "screen-256color", null, SizedAtStart));

        Assert.True(plan.Tty);
        Assert.Equal(["TERM=screen-256color"], plan.Environment);
        Assert.Equal(DetachKeys.RindDefault, plan.DetachKeys);
    }

    [Fact]
    public void The_users_detach_keys_win()
    {
        var plan = ExecPlanner.Plan(Shell, Container(), new ExecConditions(true, "xterm", "ctrl-x,x", SizedAtStart));

        Assert.Equal("ctrl-x,x", plan.DetachKeys);
    }

    [Fact]
    public void Without_TERM_the_container_is_told_xterm()
    {
        var plan = ExecPlanner.Plan(Shell, Container(), new ExecConditions(true, null, null, SizedAtStart));

        Assert.Equal(["TERM=xterm"], plan.Environment);
    }

    [Fact]
    public void Without_a_terminal_nothing_is_added_to_the_environment()
    {
        var plan = ExecPlanner.Plan(Shell, Container(), new ExecConditions(false, "xterm", "ctrl-x,x", SizedAtStart));

        Assert.False(plan.Tty);
        Assert.Empty(plan.Environment);
    }

    [Fact]
    public void Without_a_terminal_the_engine_is_given_detach_keys_that_input_does_not_hold_not_the_users()
    {
        // Podman watches input without a terminal too, and takes no sequence at all as its default Ctrl-P Ctrl-Q.
        var plan = ExecPlanner.Plan(Shell, Container(), new ExecConditions(false, "xterm", "ctrl-x,x", SizedAtStart));

        Assert.Equal(DetachKeys.WithoutTerminal, plan.DetachKeys);
        Assert.Equal(16, plan.DetachKeys!.Split(',').Length);
        Assert.DoesNotContain("ctrl-p", plan.DetachKeys, StringComparison.Ordinal);
    }

    [Fact]
    public void The_labels_give_the_pre_step_and_the_shell()
    {
        var container = Container(("app.rind", "source /venv/bin/activate"), ("app.rind.shell", "zsh"));

        var plan = ExecPlanner.Plan(Shell, container, new ExecConditions(true, "xterm", null, SizedAtStart));

        Assert.Equal(["/bin/sh", "-c"], plan.Argv.Take(2));
        Assert.Contains("source /venv/bin/activate", plan.Argv[2], StringComparison.Ordinal);
        Assert.Equal(["rind", "zsh"], plan.Argv.Skip(3));
    }

    [Fact]
    public void On_a_backend_that_sizes_terminals_at_creation_the_command_runs_directly()
    {
        var plan = ExecPlanner.Plan(Top, Container(), new ExecConditions(true, "xterm", null, TerminalSizedAtStart: true));

        Assert.Equal(["top", "-d", "1"], plan.Argv);
    }

    [Fact]
    public void On_a_backend_that_sizes_terminals_late_a_terminal_session_waits_for_its_size_before_the_command_starts()
    {
        var plan = ExecPlanner.Plan(Top, Container(), new ExecConditions(true, "xterm", null, TerminalSizedAtStart: false));

        Assert.Equal(["/bin/sh", "-c"], plan.Argv.Take(2));
        Assert.Contains("stty size", plan.Argv[2], StringComparison.Ordinal);
        Assert.Equal(["rind", "top", "-d", "1"], plan.Argv.Skip(3));
    }

    [Fact]
    public void Without_a_terminal_a_backend_that_sizes_terminals_late_runs_the_command_directly()
    {
        var plan = ExecPlanner.Plan(Top, Container(), new ExecConditions(false, "xterm", null, TerminalSizedAtStart: false));

        Assert.Equal(["top", "-d", "1"], plan.Argv);
    }

    [Fact]
    public void Variables_are_passed_as_given_or_with_rinds_own_value_and_TERM_comes_last()
    {
        var invocation = Top with { Environment = ["A=1", "HOME_DIR", "UNSET", "B=x=y"] };
        var conditions = new ExecConditions(true, "xterm", null, SizedAtStart) { LookupVariable = name => name == "HOME_DIR" ? "/home/me" : null };

        var plan = ExecPlanner.Plan(invocation, Container(), conditions);

        Assert.Equal(["A=1", "HOME_DIR=/home/me", "B=x=y", "TERM=xterm"], plan.Environment);
    }

    [Fact]
    public void A_TERM_given_with_env_is_not_overridden()
    {
        var plan = ExecPlanner.Plan(Top with { Environment = ["TERM=dumb"] }, Container(), new ExecConditions(true, "xterm", null, SizedAtStart));

        Assert.Equal(["TERM=dumb"], plan.Environment);
    }

    [Fact]
    public void The_user_option_wins_over_the_user_label()
    {
        var container = Container(("app.rind.user", "www-data"));

        Assert.Equal("www-data", ExecPlanner.Plan(Top, container, new ExecConditions(false, null, null, SizedAtStart)).User);
        Assert.Equal("root", ExecPlanner.Plan(Top with { User = "root" }, container, new ExecConditions(false, null, null, SizedAtStart)).User);
    }

    [Fact]
    public void On_a_local_engine_the_command_runs_where_the_current_directory_is_mounted()
    {
        var plan = ExecPlanner.Plan(Top, Mounted(), Local("/home/me/proj/app/models"));

        Assert.Equal("/code/app/models", plan.WorkingDirectory);
    }

    [Fact]
    public void The_workdir_option_wins_over_the_mapping()
    {
        var plan = ExecPlanner.Plan(Top with { WorkingDirectory = "/tmp" }, Mounted(), Local("/home/me/proj"));

        Assert.Equal("/tmp", plan.WorkingDirectory);
    }

    [Theory]
    [InlineData(true, false, null)]
    [InlineData(false, true, null)]
    [InlineData(false, false, "false")]
    [InlineData(false, false, "off")]
    public void The_mapping_is_off_with_no_cwd_on_a_remote_engine_or_by_label(bool noCwd, bool remote, string? label)
    {
        var container = label is null ? Mounted() : Mounted() with { Settings = new Dictionary<string, string> { ["app.rind.cwd"] = label } };

        var plan = ExecPlanner.Plan(Top with { NoCwd = noCwd }, container, Local("/home/me/proj") with { SharesFileSystem = !remote });

        Assert.Null(plan.WorkingDirectory);
    }

    [Fact]
    public void Privileged_is_passed_on()
    {
        Assert.True(ExecPlanner.Plan(Top with { Privileged = true }, Container(), new ExecConditions(false, null, null, SizedAtStart)).Privileged);
    }

    [Fact]
    public void A_backend_without_detach_keys_gets_none_with_a_terminal_or_without()
    {
        var withTerminal = ExecPlanner.Plan(Shell, Container(), new ExecConditions(true, "xterm", "ctrl-x,x", SizedAtStart) { HasDetachKeys = false });
        var withoutTerminal = ExecPlanner.Plan(Top, Container(), new ExecConditions(false, null, null, SizedAtStart) { HasDetachKeys = false });

        Assert.Null(withTerminal.DetachKeys);
        Assert.Null(withoutTerminal.DetachKeys);
    }

    private static ExecConditions Local(string currentDirectory) =>
        new(false, null, null, SizedAtStart) { CurrentDirectory = currentDirectory, SharesFileSystem = true };

    private static Candidate Mounted() =>
        Container() with { Mounts = [new MountPoint { Type = "bind", Source = "/home/me/proj", Destination = "/code" }] };

    private static Candidate Container(params (string Key, string Value)[] labels) =>
        new("c0ffee", "web", labels.ToDictionary(label => label.Key, label => label.Value));
}
