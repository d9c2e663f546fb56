using System.Diagnostics;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// Runs a program to its end with a deadline, feeding stdin and capturing stdout as bytes.
/// </summary>
public static class ProcessRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        byte[]? stdin = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        Action<Process>? whileRunning = null,
        bool holdStdinOpen = false,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
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

        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        try
        {
            var stdout = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(stdout, deadline.Token);
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            var writing = WriteInputAsync(process, stdin, holdStdinOpen, deadline.Token);
            whileRunning?.Invoke(process);

            await process.WaitForExitAsync(deadline.Token);
            await Task.WhenAll(reading, stderr, writing);
            return new ProcessResult(process.ExitCode, stdout.ToArray(), await stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not end within {timeout ?? DefaultTimeout}");
        }
    }

    private static async Task WriteInputAsync(Process process, byte[]? stdin, bool holdOpen, CancellationToken cancellationToken)
    {
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.BaseStream.WriteAsync(stdin, cancellationToken);
            }

            if (!holdOpen)
            {
                process.StandardInput.Close();
            }
        }
        catch (IOException)
        {
            // The program ended without reading all of its input, which some tests intend.
        }
    }
}
