using System.Diagnostics;
using System.Globalization;
using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class NoticeHoldTests
{
    private const string NoticeLike = "OCI runtime exec failed: printed by the command";

    [Theory]
    [InlineData(20)]
    [InlineData(400)]
    public async Task Errors_after_a_line_like_the_engines_notice_arrive_while_the_command_runs_and_its_exit_code_is_its_own(int errors)
    {
        await using var container = await LabelledContainer.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        // The engine does not order stdout and stderr: the pause lets the line on stdout come first.
        var script = $"echo '{NoticeLike}'; sleep 1; i=0; while [ $i -lt {errors} ]; do echo \"Error: line $i\" >&2; i=$((i+1)); done; sleep 10; exit 3";
        using var rind = Start(["sh", "-c", script]);
        try
        {
            rind.StandardInput.Close();
            var stdout = rind.StandardOutput.ReadToEndAsync(timeout.Token);

            var lines = await ReadLinesAsync(rind.StandardError, errors, TimeSpan.FromSeconds(6));

            // The command sleeps for ten seconds after its errors: they must not have waited for its end.
            Assert.False(rind.HasExited);
            Assert.Equal(Enumerable.Range(0, errors).Select(number => string.Create(CultureInfo.InvariantCulture, $"Error: line {number}")), lines);
            await rind.WaitForExitAsync(timeout.Token);
            Assert.Equal(3, rind.ExitCode);
            Assert.Equal(NoticeLike + "\n", await stdout);
            Assert.Equal("", await rind.StandardError.ReadToEndAsync(timeout.Token));
        }
        finally
        {
            if (!rind.HasExited)
            {
                rind.Kill();
            }
        }
    }

    /// <summary>Up to <paramref name="count"/> lines, as many as arrive within <paramref name="wait"/>.</summary>
    private static async Task<List<string>> ReadLinesAsync(StreamReader reader, int count, TimeSpan wait)
    {
        using var deadline = new CancellationTokenSource(wait);
        List<string> lines = [];
        try
        {
            while (lines.Count < count && await reader.ReadLineAsync(deadline.Token) is { } line)
            {
                lines.Add(line);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // What arrived in time is the answer.
        }

        return lines;
    }

    private static Process Start(string[] arguments)
    {
        var start = new ProcessStartInfo(RindBinary.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }
}
