using System.ComponentModel;
using System.Diagnostics;
using Rind.Diagnostics;
using Rind.Platform;

namespace Rind.Kubernetes.Configuration;

/// <summary>
/// Runs a credential plugin once, as kubectl does: its args exactly, rind's environment with the plugin's env
/// and KUBERNETES_EXEC_INFO added, its stderr passed on, its stdout read (bounded) for the response. Only an
/// interactive plugin gets rind's stdin; any other reads an empty input.
/// </summary>
internal static class ExecPluginProcess
{
    /// <summary>A response is a token or a certificate and key: a few KiB. More is not waited for.</summary>
    private const int MaxAnswerBytes = 1024 * 1024;

    /// <summary>How long stderr is still passed on once the plugin has ended (a child it left may hold it open).</summary>
    private static readonly TimeSpan StderrGrace = TimeSpan.FromSeconds(1);

    /// <param name="description">The plugin, for messages: <c>the credential plugin "aws" of user "dev"</c>.</param>
    /// <returns>What the plugin wrote on stdout.</returns>
    /// <exception cref="RindException">It was not found, could not start, failed, or answered too much.</exception>
    public static byte[] Run(ExecPluginConfig plugin, string execInfo, bool interactive, string? searchPath, Stream error, string description)
    {
        var program = ExecutableLookup.Find(plugin.Command!, searchPath) ?? throw NotFound(plugin, description);
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = !interactive,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in plugin.Args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in plugin.Env)
        {
            start.Environment[name] = value;
        }

        start.Environment[ExecCredentialRequest.Variable] = execInfo;

        using var process = Start(start, plugin, description);
        try
        {
            if (!interactive)
            {
                process.StandardInput.Close();
            }

            var passingOn = new Thread(() => PassOn(process.StandardError.BaseStream, error))
            {
                IsBackground = true,
                Name = "credential plugin stderr",
            };
            passingOn.Start();
            var answer = BoundedRead.AtMost(process.StandardOutput.BaseStream, MaxAnswerBytes)
                ?? throw new RindException($"{description} answered more than {MaxAnswerBytes / (1024 * 1024)} MiB");
            process.WaitForExit();
            passingOn.Join(StderrGrace);
            return process.ExitCode == 0
                ? answer
                : throw new RindException($"{description} failed with exit code {process.ExitCode}");
        }
        finally
        {
            EndIfRunning(process);
        }
    }

    private static Process Start(ProcessStartInfo start, ExecPluginConfig plugin, string description)
    {
        try
        {
            return Process.Start(start) ?? throw new RindException($"{description} did not start");
        }
        catch (Win32Exception exception) when (exception.NativeErrorCode == NativeMethods.NoSuchFile)
        {
            throw NotFound(plugin, description);
        }
        catch (Win32Exception exception)
        {
            throw new RindException($"{description} cannot be run: {exception.Message}", innerException: exception);
        }
    }

    private static void PassOn(Stream from, Stream to)
    {
        try
        {
            from.CopyTo(to);
        }
        catch (IOException)
        {
            // rind's stderr is gone: the plugin's messages have nowhere to go, and the response still counts.
        }
    }

    private static void EndIfRunning(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }
    }

    private static RindException NotFound(ExecPluginConfig plugin, string description)
    {
        var hint = string.IsNullOrWhiteSpace(plugin.InstallHint)
            ? ""
            : $": {UntrustedText.Show(string.Join(' ', plugin.InstallHint.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), 500)}";
        return new RindException($"{description} is not found{hint}");
    }
}
