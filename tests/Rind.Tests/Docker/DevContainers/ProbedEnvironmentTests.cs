using System.Text;
using Rind.Docker.DevContainers;

namespace Rind.Tests.Docker.DevContainers;

/// <summary>Reading the environment a probe of the user's shell printed.</summary>
public sealed class ProbedEnvironmentTests
{
    private const string Marker = "rind-environment-1234";

    [Fact]
    public void The_environment_between_the_markers_is_read_whatever_the_shell_printed_around_it()
    {
        var output = Bytes("\n\nBusyBox v1.35.0 built-in shell (ash)\n" + Marker + "HOME=/home/vscode\0PATH=/opt/tool/bin:/usr/bin\0EMPTY=\0" + Marker + "bye\n");

        Assert.Equal(["HOME=/home/vscode", "PATH=/opt/tool/bin:/usr/bin", "EMPTY="], ProbedEnvironment.Parse(output, Marker));
    }

    [Fact]
    public void Values_keep_newlines_and_equals_signs()
    {
        var output = Bytes(Marker + "MULTI=a\nb=c\0" + Marker);

        Assert.Equal(["MULTI=a\nb=c"], ProbedEnvironment.Parse(output, Marker));
    }

    [Fact]
    public void What_the_shell_sets_of_itself_is_left_out()
    {
        var output = Bytes(Marker + "PWD=/\0OLDPWD=/tmp\0SHLVL=1\0_=/bin/cat\0A=1\0=odd\0" + Marker);

        Assert.Equal(["A=1"], ProbedEnvironment.Parse(output, Marker));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sh: cat: not found\n")]
    [InlineData(Marker + "A=1\0")]
    public void Output_without_both_markers_is_no_environment(string text)
    {
        Assert.Null(ProbedEnvironment.Parse(Bytes(text), Marker));
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
