using Rind.Completion;
using Rind.Tests.Fakes;

namespace Rind.Tests;

/// <summary>rind --completion SHELL prints the script and touches no backend.</summary>
public sealed class RindAppCompletionScriptTests
{
    private readonly FakeStandardStreams _streams = new();

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    public void The_script_of_the_shell_is_printed_with_exit_code_0(string shell)
    {
        var exitCode = Run("--completion", shell);

        Assert.Equal(0, exitCode);
        Assert.Equal(CompletionScript.For(shell), _streams.OutputText);
        Assert.Equal("", _streams.ErrorText);
    }

    [Fact]
    public void A_shell_without_a_script_is_refused_on_stderr_with_exit_code_125()
    {
        var exitCode = Run("--completion", "tcsh");

        Assert.Equal(125, exitCode);
        Assert.Equal("", _streams.OutputText);
        Assert.StartsWith("rind: --completion takes bash, zsh or fish", _streams.ErrorText, StringComparison.Ordinal);
    }

    private int Run(params string[] args)
    {
        var environment = new FakeEnvironment(("DOCKER_HOST", "unix:///run/rind-unit/docker.sock"));
        return new RindApp(
            _streams,
            new FakeTerminal(isTerminal: false),
            new FakeSignals(),
            environment,
            new BackendRegistry(
                environment,
                (_, _) => throw new InvalidOperationException("printing a script never asks for an engine"),
                (_, _) => throw new InvalidOperationException("printing a script never asks for a cluster")))
            .Run(args);
    }
}
