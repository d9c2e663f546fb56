using System.Diagnostics;
using System.Globalization;
using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class SignalTests
{
    [Theory]
    [InlineData("INT", 130, null)]
    [InlineData("TERM", 143, null)]
    [InlineData("HUP", 129, null)]
    [InlineData("INT", 130, "source /venv/bin/activate")]
    [InlineData("TERM", 143, "source /venv/bin/activate")]
    public async Task A_signal_to_rind_ends_the_command_in_the_container_and_nothing_of_it_remains(string signal, int expected, string? preStep)
    {
        await using var container = await LabelledContainer.StartAsync(TestImages.Dash, preStep);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        // The command's own process, and a child of it, which ignores SIGINT as background jobs of a shell do.
        using var rind = Start(["sh", "-c", "echo started; sleep 1234 & exec sleep 1235"]);
        Assert.Equal("started", await rind.StandardOutput.ReadLineAsync(timeout.Token));

        await ProcessRunner.RunAsync("kill", [$"-{signal}", rind.Id.ToString(CultureInfo.InvariantCulture)]);
        await rind.WaitForExitAsync(timeout.Token);

        Assert.Equal(expected, rind.ExitCode);
        Assert.DoesNotContain(await container.ProcessesAsync(), process => process.Contains("sleep 123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_closed_terminal_ends_the_command_in_the_container()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\" sh -c 'echo started; exec sleep 1236'");
        await terminal.WaitForScreenAsync("started");

        await ProcessRunner.RunAsync("kill", ["-HUP", (await terminal.RindPidAsync()).ToString(CultureInfo.InvariantCulture)]);

        Assert.Equal(129, await terminal.WaitForExitCodeAsync());
        Assert.DoesNotContain(await container.ProcessesAsync(), process => process.Contains("sleep 1236", StringComparison.Ordinal));
        var (before, after) = await terminal.TerminalSettingsAsync();
        Assert.Equal(before, after);
    }

    /// <summary>
    /// Starts rind as a foreground program would be. A test run may itself have been started in the
    /// background of a script, where SIGINT and SIGQUIT are ignored (and SIGHUP, under nohup), and rind, as any program
    /// should, keeps a signal ignored that it was started with; perl puts them back before it
    /// becomes rind.
    /// </summary>
    private static Process Start(string[] arguments)
    {
        var start = new ProcessStartInfo("perl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-e", "$SIG{INT} = $SIG{QUIT} = $SIG{HUP} = 'DEFAULT'; exec @ARGV or die \"exec: $!\"", RindBinary.Path, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }
}
