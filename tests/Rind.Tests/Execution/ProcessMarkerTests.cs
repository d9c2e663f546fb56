using System.Diagnostics;
using Rind.Execution;

namespace Rind.Tests.Execution;

public sealed class ProcessMarkerTests
{
    [Fact]
    public void Every_marker_is_new()
    {
        Assert.NotEqual(ProcessMarker.Create().Token, ProcessMarker.Create().Token);
    }

    [Fact]
    public async Task The_signal_command_ends_the_marked_process_and_its_children_but_no_other()
    {
        var marker = ProcessMarker.Create();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var marked = Start("sh", ["-c", "sleep 300 & wait"], marker.Variable);
        using var unmarked = Start("sleep", ["300"], null);
        await Task.Delay(300, timeout.Token);

        var argv = marker.SignalCommand("TERM");
        using var signaller = Start(argv[0], argv.Skip(1).ToArray(), null);
        await signaller.WaitForExitAsync(timeout.Token);
        await marked.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, signaller.ExitCode);
        Assert.False(unmarked.HasExited);
        unmarked.Kill();
    }

    private static Process Start(string file, string[] arguments, string? marker)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (marker is not null)
        {
            var separator = marker.IndexOf('=', StringComparison.Ordinal);
            start.Environment[marker[..separator]] = marker[(separator + 1)..];
        }

        return Process.Start(start)!;
    }
}
