using System.Diagnostics;

namespace Rind.Tests.Processes;

/// <summary>
/// Runs a program of this machine to its end, its input given and its output and errors read apart,
/// for the tests that check something by a real shell, man or kubectl. One that outlasts its time is
/// killed with everything it started, and the test fails saying so.
/// </summary>
internal static class ChildProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <param name="environment">Variables to set, or with null to remove; the test process's others are kept unless <paramref name="onlyThese"/>.</param>
    /// <param name="onlyThese">Whether the program gets the variables of <paramref name="environment"/> alone.</param>
    public static async Task<ProcessOutcome> RunAsync(
        string file,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool onlyThese = false,
        string? workingDirectory = null,
        string stdin = "",
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (onlyThese)
        {
            start.Environment.Clear();
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var limit = timeout ?? DefaultTimeout;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.StandardInput.WriteAsync(stdin.AsMemory(), deadline.Token);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program ended, or closed its input, before it read all of it.
        }

        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} did not end within {limit.TotalSeconds} s");
        }

        return new ProcessOutcome(process.ExitCode, await stdout, await stderr);
    }
}
