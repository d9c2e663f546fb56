using System.Diagnostics;
using System.Globalization;
using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>
/// rind run from a terminal but outside its foreground process group: under timeout, which gives its
/// command a process group of its own, and as a background job of an interactive shell.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class JobControlTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Under_timeout_typed_in_a_terminal_rind_ends_with_124_when_the_time_is_up_and_leaves_nothing_behind()
    {
        await using var container = await LabelledContainer.StartAsync();
        var clock = Stopwatch.StartNew();
        await using var terminal = await TmuxTerminal.StartAsync("bash -c 'timeout 5 \"$RIND\" sleep 100'");
        await WaitForCommandAsync(container, "sleep 100");

        var exitCode = await terminal.WaitForExitCodeAsync(Deadline);

        Assert.Equal(124, exitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(15));
        Assert.DoesNotContain(await container.ProcessesAsync(), process => process.Contains("sleep 100", StringComparison.Ordinal));
        var (before, after) = await terminal.TerminalSettingsAsync();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Under_timeout_in_a_Makefile_target_rind_ends_when_the_time_is_up_and_leaves_nothing_behind()
    {
        await using var container = await LabelledContainer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("rind-it-make-");
        try
        {
            var makefile = Path.Combine(folder.FullName, "Makefile");
            await File.WriteAllTextAsync(makefile, "run:\n\ttimeout 5 \"$$RIND\" sleep 100\n");
            var clock = Stopwatch.StartNew();
            await using var terminal = await TmuxTerminal.StartAsync($"make -s -f {makefile} run");
            await WaitForCommandAsync(container, "sleep 100");

            var exitCode = await terminal.WaitForExitCodeAsync(Deadline);

            Assert.Equal(2, exitCode);
            await terminal.WaitForScreenAsync("Error 124");
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(15));
            Assert.DoesNotContain(await container.ProcessesAsync(), process => process.Contains("sleep 100", StringComparison.Ordinal));
            var (before, after) = await terminal.TerminalSettingsAsync();
            Assert.Equal(before, after);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_background_job_is_never_stopped_and_kill_ends_it_and_its_command()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartShellAsync();
        await terminal.TypeLineAsync("stty -g > \"$TERMINAL_FILES/before\"");
        await terminal.TypeLineAsync("\"$RIND\" sleep 100 & echo $! > \"$TERMINAL_FILES/pid\"");
        var states = WatchStatesAsync(await terminal.RindPidAsync());
        await WaitForCommandAsync(container, "sleep 100");
        await Task.Delay(500);

        await terminal.TypeLineAsync(
            "kill %1; wait %1; echo $? > \"$TERMINAL_FILES/exit\"; stty -g > \"$TERMINAL_FILES/after\"");

        Assert.DoesNotContain('T', await states);
        Assert.Equal(143, await terminal.WaitForExitCodeAsync(Deadline));
        Assert.DoesNotContain(await container.ProcessesAsync(), process => process.Contains("sleep 100", StringComparison.Ordinal));
        var (before, after) = await terminal.TerminalSettingsAsync();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_background_job_leaves_the_keyboard_alone_and_its_command_finds_its_input_ended()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartShellAsync();

        await terminal.TypeLineAsync(
            "\"$RIND\" sh -c 'cat; echo input ended' & echo $! > \"$TERMINAL_FILES/pid\"; wait $!; echo $? > \"$TERMINAL_FILES/exit\"");
        var states = WatchStatesAsync(await terminal.RindPidAsync());

        Assert.DoesNotContain('T', await states);
        Assert.Equal(0, await terminal.WaitForExitCodeAsync(Deadline));
        await terminal.WaitForScreenAsync("input ended");
    }

    [Fact]
    public async Task A_terminal_session_stays_raw_when_rind_is_continued()
    {
        await using var container = await LabelledContainer.StartAsync();
        await using var terminal = await TmuxTerminal.StartAsync("\"$RIND\" sh -c 'echo started; exec sleep 100'");
        await terminal.WaitForScreenAsync("started");
        var raw = await terminal.CurrentSettingsAsync();

        await ProcessRunner.RunAsync("kill", ["-CONT", (await terminal.RindPidAsync()).ToString(CultureInfo.InvariantCulture)]);
        await Task.Delay(500);

        Assert.NotEqual(await terminal.SettingsBeforeAsync(), raw);
        Assert.Equal(raw, await terminal.CurrentSettingsAsync());
    }

    /// <summary>Waits until the container runs <paramref name="command"/>.</summary>
    private static async Task WaitForCommandAsync(LabelledContainer container, string command)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!(await container.ProcessesAsync()).Any(process => process.Contains(command, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the container never ran {command}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Every state /proc shows the process in, read every few milliseconds until it has ended, or at
    /// once when it is stopped (T).
    /// </summary>
    private static Task<string> WatchStatesAsync(int pid) => Task.Run(async () =>
    {
        var seen = new HashSet<char>();
        var deadline = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < deadline && !seen.Contains('T') && ProcessTable.State(pid) is { } state and not 'Z')
        {
            seen.Add(state);
            await Task.Delay(5);
        }

        return string.Concat(seen);
    });
}
