using Rind.Backends;
using Rind.Cli;
using Rind.Execution;

namespace Rind.Tests.Execution;

public sealed class ExecPlannerTests
{
    private static readonly Invocation Shell = new(InvocationAction.Run, Verbose: false, TtyMode.Auto, Command: []);
    private static readonly Invocation Top = new(InvocationAction.Run, Verbose: false, TtyMode.Auto, Command: ["top", "-d", "1"]);

    /// <summary>A backend that sizes a terminal before its command starts, as Docker does from API 1.42.</summary>
    private static readonly BackendTraits SizedAtStart = new("the engine", SizesTerminalAtStart: true, ReportsStartFailures: true, Notices: null);

    private static readonly BackendTraits SizedLate = SizedAtStart with { SizesTerminalAtStart = false };

    [Fact]
    public void A_terminal_session_passes_TERM()
    {
        var plan = ExecPlanner.Plan(Shell, Container(), SizedAtStart, new LocalConditions(true, "screen-256color"));

        Assert.True(plan.Tty);
        Assert.Equal(["TERM=screen-256color"], plan.Environment);
    }

    [Fact]
    public void Without_TERM_the_container_is_told_xterm()
    {
        var plan = ExecPlanner.Plan(Shell, Container(), SizedAtStart, new LocalConditions(true, null));

        Assert.Equal(["TERM=xterm"], plan.Environment);
    }

    [Fact]
    public void Without_a_terminal_nothing_is_added_to_the_environment()
    {
        var plan = ExecPlanner.Plan(Shell, Container(), SizedAtStart, new LocalConditions(false, "xterm"));

        Assert.False(plan.Tty);
        Assert.Empty(plan.Environment);
    }

    [Fact]
    public void The_candidates_pre_step_and_shell_make_the_command()
    {
        var container = Container() with { Settings = new RunSettings("label") { PreStep = "source /venv/bin/activate", Shell = ["zsh"] } };

        var plan = ExecPlanner.Plan(Shell, container, SizedAtStart, new LocalConditions(true, "xterm"));

        Assert.Equal(["/bin/sh", "-c"], plan.Argv.Take(2));
        Assert.Contains("source /venv/bin/activate", plan.Argv[2], StringComparison.Ordinal);
        Assert.Contains("the pre-step of the app.rind label failed", plan.Argv[2], StringComparison.Ordinal);
        Assert.Equal(["rind", "zsh"], plan.Argv.Skip(3));
    }

    [Fact]
    public void A_failing_pre_step_is_named_by_what_holds_it()
    {
        var pod = Container() with { Settings = new RunSettings("annotation") { PreStep = "cd /app" } };

        var plan = ExecPlanner.Plan(Top, pod, SizedAtStart, new LocalConditions(false, null));

        Assert.Contains("the pre-step of the app.rind annotation failed", plan.Argv[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_backend_that_cannot_report_start_failures_has_the_command_checked_by_a_shell()
    {
        var plan = ExecPlanner.Plan(Top, Container(), SizedAtStart with { ReportsStartFailures = false }, new LocalConditions(false, null));

        Assert.Equal(["/bin/sh", "-c"], plan.Argv.Take(2));
        Assert.Contains("command not found", plan.Argv[2], StringComparison.Ordinal);
        Assert.Equal(["rind", "top", "-d", "1"], plan.Argv.Skip(3));
    }

    [Fact]
    public void On_a_backend_that_sizes_terminals_at_creation_the_command_runs_directly()
    {
        var plan = ExecPlanner.Plan(Top, Container(), SizedAtStart, new LocalConditions(true, "xterm"));

        Assert.Equal(["top", "-d", "1"], plan.Argv);
    }

    [Fact]
    public void On_a_backend_that_sizes_terminals_late_a_terminal_session_waits_for_its_size_before_the_command_starts()
    {
        var plan = ExecPlanner.Plan(Top, Container(), SizedLate, new LocalConditions(true, "xterm"));

        Assert.Equal(["/bin/sh", "-c"], plan.Argv.Take(2));
        Assert.Contains("stty size", plan.Argv[2], StringComparison.Ordinal);
        Assert.Equal(["rind", "top", "-d", "1"], plan.Argv.Skip(3));
    }

    [Fact]
    public void Without_a_terminal_a_backend_that_sizes_terminals_late_runs_the_command_directly()
    {
        var plan = ExecPlanner.Plan(Top, Container(), SizedLate, new LocalConditions(false, "xterm"));

        Assert.Equal(["top", "-d", "1"], plan.Argv);
    }

    [Fact]
    public void Variables_are_passed_as_given_or_with_rinds_own_value_and_TERM_comes_last()
    {
        var invocation = Top with { Environment = ["A=1", "HOME_DIR", "UNSET", "B=x=y"] };
        var local = new LocalConditions(true, "xterm") { LookupVariable = name => name == "HOME_DIR" ? "/home/me" : null };

        var plan = ExecPlanner.Plan(invocation, Container(), SizedAtStart, local);

        Assert.Equal(["A=1", "HOME_DIR=/home/me", "B=x=y", "TERM=xterm"], plan.Environment);
    }

    [Fact]
    public void The_candidates_variables_come_before_those_of_env_so_that_env_wins()
    {
        var container = Container() with { Settings = new RunSettings("metadata") { Environment = ["A=from-container", "B=2"] } };

        var plan = ExecPlanner.Plan(Top with { Environment = ["A=1"] }, container, SizedAtStart, new LocalConditions(false, null));

        Assert.Equal(["A=from-container", "B=2", "A=1"], plan.Environment);
    }

    [Fact]
    public void A_TERM_given_with_env_is_not_overridden()
    {
        var plan = ExecPlanner.Plan(Top with { Environment = ["TERM=dumb"] }, Container(), SizedAtStart, new LocalConditions(true, "xterm"));

        Assert.Equal(["TERM=dumb"], plan.Environment);
    }

    [Fact]
    public void The_user_option_wins_over_the_candidates_user()
    {
        var container = Container() with { Settings = new RunSettings("label") { User = "www-data" } };

        Assert.Equal("www-data", ExecPlanner.Plan(Top, container, SizedAtStart, new LocalConditions(false, null)).User);
        Assert.Equal("root", ExecPlanner.Plan(Top with { User = "root" }, container, SizedAtStart, new LocalConditions(false, null)).User);
    }

    [Fact]
    public void The_command_runs_where_the_current_directory_is_mapped()
    {
        var plan = ExecPlanner.Plan(Top, Mounted(), SizedAtStart, Local("/home/me/proj/app/models"));

        Assert.Equal("/code/app/models", plan.WorkingDirectory);
    }

    [Fact]
    public void The_workdir_option_wins_over_the_mapping()
    {
        var plan = ExecPlanner.Plan(Top with { WorkingDirectory = "/tmp" }, Mounted(), SizedAtStart, Local("/home/me/proj"));

        Assert.Equal("/tmp", plan.WorkingDirectory);
    }

    [Fact]
    public void The_mapping_is_off_with_no_cwd()
    {
        var plan = ExecPlanner.Plan(Top with { NoCwd = true }, Mounted(), SizedAtStart, Local("/home/me/proj"));

        Assert.Null(plan.WorkingDirectory);
    }

    [Fact]
    public void A_candidate_without_mapped_folders_runs_in_the_containers_folder()
    {
        var plan = ExecPlanner.Plan(Top, Container(), SizedAtStart, Local("/home/me/proj"));

        Assert.Null(plan.WorkingDirectory);
    }

    [Fact]
    public void Privileged_is_passed_on()
    {
        Assert.True(ExecPlanner.Plan(Top with { Privileged = true }, Container(), SizedAtStart, new LocalConditions(false, null)).Privileged);
    }

    private static LocalConditions Local(string currentDirectory) => new(false, null) { CurrentDirectory = currentDirectory };

    private static Candidate Mounted() =>
        Container() with { Settings = new RunSettings("label") { Folders = [new FolderMapping("/home/me/proj", "/code")] } };

    private static Candidate Container() => new("c0ffee", "web", new RunSettings("label"));
}
