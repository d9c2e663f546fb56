using Rind.Cli;

namespace Rind.Tests.Cli;

public sealed class InvocationParserTests
{
    [Fact]
    public void No_arguments_ask_for_a_shell()
    {
        var invocation = InvocationParser.Parse([]);

        Assert.Equal(InvocationAction.Run, invocation.Action);
        Assert.Empty(invocation.Command);
        Assert.False(invocation.Verbose);
    }

    [Fact]
    public void Options_of_the_command_belong_to_the_command()
    {
        var invocation = InvocationParser.Parse(["ls", "-la", "--help", "-v"]);

        Assert.Equal(["ls", "-la", "--help", "-v"], invocation.Command);
        Assert.False(invocation.Verbose);
        Assert.Equal(InvocationAction.Run, invocation.Action);
    }

    [Fact]
    public void Rind_options_before_the_command_are_rinds()
    {
        var invocation = InvocationParser.Parse(["-v", "python", "manage.py", "migrate"]);

        Assert.True(invocation.Verbose);
        Assert.Equal(["python", "manage.py", "migrate"], invocation.Command);
    }

    [Fact]
    public void Double_dash_ends_rinds_options_and_is_dropped()
    {
        var invocation = InvocationParser.Parse(["--verbose", "--", "-v", "--", "x"]);

        Assert.True(invocation.Verbose);
        Assert.Equal(["-v", "--", "x"], invocation.Command);
    }

    [Fact]
    public void Arguments_are_kept_exactly_as_given()
    {
        string[] args = ["printf", "[%s]\\n", "a  b", "$(id)", "", "*", " lead", "tab\there", "new\nline"];

        var invocation = InvocationParser.Parse(args);

        Assert.Equal(args, invocation.Command);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_is_recognised(string option)
    {
        Assert.Equal(InvocationAction.ShowHelp, InvocationParser.Parse([option]).Action);
    }

    [Fact]
    public void Version_is_recognised()
    {
        Assert.Equal(InvocationAction.ShowVersion, InvocationParser.Parse(["--version"]).Action);
    }

    [Theory]
    [InlineData("--bogus", "unknown option '--bogus'")]
    [InlineData("-x", "unknown option '-x'")]
    public void An_unknown_option_is_a_one_line_error_with_exit_code_125(string option, string expected)
    {
        var exception = Assert.Throws<RindException>(() => InvocationParser.Parse([option, "ls"]));

        Assert.StartsWith(expected, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Theory]
    [InlineData(new string[0], "Auto")]
    [InlineData(new[] { "-t" }, "Always")]
    [InlineData(new[] { "--tty" }, "Always")]
    [InlineData(new[] { "-T" }, "Never")]
    [InlineData(new[] { "--no-tty" }, "Never")]
    public void The_terminal_options_choose_the_tty_mode(string[] options, string expected)
    {
        Assert.Equal(Enum.Parse<TtyMode>(expected), InvocationParser.Parse([.. options, "top"]).Tty);
    }

    [Fact]
    public void Asking_for_a_terminal_and_for_none_at_once_is_an_error()
    {
        var exception = Assert.Throws<RindException>(() => InvocationParser.Parse(["-t", "-T", "top"]));

        Assert.Equal("-t/--tty and -T/--no-tty cannot be given together (see 'rind --help')", exception.Message);
    }

    [Fact]
    public void The_options_of_docker_exec_are_read_and_may_repeat()
    {
        var invocation = InvocationParser.Parse(
            ["-e", "A=1", "--env", "B", "-eC=3", "-u", "1000:1000", "-w", "/srv", "--privileged", "--no-cwd", "-s", "web", "env"]);

        Assert.Equal(["A=1", "B", "C=3"], invocation.Environment);
        Assert.Equal("1000:1000", invocation.User);
        Assert.Equal("/srv", invocation.WorkingDirectory);
        Assert.True(invocation.Privileged);
        Assert.True(invocation.NoCwd);
        Assert.Equal("web", invocation.Service);
        Assert.Equal(["env"], invocation.Command);
    }

    [Fact]
    public void An_option_that_needs_a_value_and_has_none_is_an_error()
    {
        var exception = Assert.Throws<RindException>(() => InvocationParser.Parse(["-w"]));

        Assert.Equal("option '--workdir' needs a value (see 'rind --help')", exception.Message);
    }

    [Fact]
    public void A_repeated_option_with_a_value_never_swallows_the_command()
    {
        var invocation = InvocationParser.Parse(["-e", "A=1", "-e", "B=2", "env", "-e", "C"]);

        Assert.Equal(["A=1", "B=2"], invocation.Environment);
        Assert.Equal(["env", "-e", "C"], invocation.Command);
    }

    [Fact]
    public void Long_options_take_their_value_after_an_equals_sign_too()
    {
        var invocation = InvocationParser.Parse(["--workdir=/srv/app", "--host=unix:///x.sock", "pwd"]);

        Assert.Equal("/srv/app", invocation.WorkingDirectory);
        Assert.Equal("unix:///x.sock", invocation.Host);
    }

    [Fact]
    public void A_flag_given_a_value_is_an_error()
    {
        var exception = Assert.Throws<RindException>(() => InvocationParser.Parse(["--verbose=yes", "ls"]));

        Assert.Equal("option '--verbose' takes no value (see 'rind --help')", exception.Message);
    }

    [Fact]
    public void A_lone_dash_is_the_start_of_the_command()
    {
        Assert.Equal(["-", "x"], InvocationParser.Parse(["-", "x"]).Command);
    }

    [Fact]
    public void Short_options_may_be_bundled()
    {
        var invocation = InvocationParser.Parse(["-vh"]);

        Assert.True(invocation.Verbose);
        Assert.Equal(InvocationAction.ShowHelp, invocation.Action);
    }
}
