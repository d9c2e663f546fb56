using Rind.Execution;
using Rind.Kubernetes;

namespace Rind.Tests.Kubernetes;

public sealed class PodCommandLineTests
{
    private static readonly ProcessMarker Marker = new("f00d");

    [Fact]
    public void The_environment_goes_in_front_through_env_with_the_marker_first()
    {
        var plan = new ExecPlan(["python3", "-c", "print(1)"], Tty: false, ["TERM=xterm", "A=b c"]);

        var argv = PodCommandLine.For(plan, Marker);

        Assert.Equal(["env", "--", "RIND_SESSION=f00d", "TERM=xterm", "A=b c", "python3", "-c", "print(1)"], argv);
    }

    [Fact]
    public void A_working_folder_is_entered_by_a_shell_that_takes_it_and_the_rest_as_arguments()
    {
        var plan = new ExecPlan(["ls", "a b"], Tty: false, []) { WorkingDirectory = "/srv/my app" };

        var argv = PodCommandLine.For(plan, Marker);

        Assert.Equal("/bin/sh", argv[0]);
        Assert.Equal("-c", argv[1]);
        Assert.Contains("exit 126", argv[2], StringComparison.Ordinal);
        Assert.Equal(["rind", "/srv/my app", "env", "--", "RIND_SESSION=f00d", "ls", "a b"], argv.Skip(3));
    }

    [Fact]
    public void A_command_whose_name_holds_an_equals_sign_is_not_taken_by_env_for_a_variable()
    {
        var plan = new ExecPlan(["./x=y", "arg"], Tty: false, []);

        var argv = PodCommandLine.For(plan, Marker);

        Assert.Equal(["env", "--", "RIND_SESSION=f00d", "/bin/sh", "-c"], argv.Take(5));
        Assert.Equal(["rind", "./x=y", "arg"], argv.Skip(6));
    }
}
