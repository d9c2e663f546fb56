using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Rind.Diagnostics;
using Rind.Engine;
using Rind.Engine.Models;

namespace Rind.Execution;

/// <summary>
/// Sends a signal rind received to the command in the container, and to everything the command
/// started, through a second exec that finds them by their <see cref="ProcessMarker"/>.
/// </summary>
internal sealed class SignalForwarder(IDockerEngine engine, ContainerSummary container, ProcessMarker marker, ILogger logger)
{
    /// <summary>How long rind waits for the processes left over after the command to be ended.</summary>
    private static readonly TimeSpan LeftoverDeadline = TimeSpan.FromSeconds(5);

    public Task ForwardAsync(PosixSignal signal, CancellationToken cancellationToken) =>
        SendAsync(Name(signal), cancellationToken);

    /// <summary>
    /// Kills what is left of the command once it has ended of a forwarded signal: children that ignore
    /// the signal (as a shell's background jobs ignore SIGINT) would otherwise live on in the container.
    /// </summary>
    public async Task EndLeftoversAsync(CancellationToken cancellationToken)
    {
        if (await SendAsync("KILL", cancellationToken).ConfigureAwait(false) is not { } execId)
        {
            return;
        }

        var deadline = DateTime.UtcNow + LeftoverDeadline;
        try
        {
            while (DateTime.UtcNow < deadline && (await engine.InspectExecAsync(execId, cancellationToken).ConfigureAwait(false)).Running)
            {
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is RindException or EngineRequestException)
        {
            LogMessages.SignalNotForwarded(logger, "KILL", exception.Message);
        }
    }

    private async Task<string?> SendAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var request = new ExecCreateRequest { Cmd = marker.SignalCommand(name), User = "0" };
            var execId = await engine.CreateExecAsync(container.Id, request, cancellationToken).ConfigureAwait(false);
            await engine.StartExecDetachedAsync(execId, cancellationToken).ConfigureAwait(false);
            LogMessages.SignalForwarded(logger, name, container.DisplayName);
            return execId;
        }
        catch (Exception exception) when (exception is RindException or EngineRequestException or OperationCanceledException)
        {
            LogMessages.SignalNotForwarded(logger, name, exception.Message);
            return null;
        }
    }

    /// <summary>The exit code of a process ended by <paramref name="signal"/>, as a shell reports it.</summary>
    public static int ExitCodeOf(PosixSignal signal) => ExitCodes.SignalBase + Number(signal);

    public static string Name(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGINT => "INT",
        PosixSignal.SIGTERM => "TERM",
        PosixSignal.SIGHUP => "HUP",
        PosixSignal.SIGQUIT => "QUIT",
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "rind forwards only INT, TERM, HUP and QUIT"),
    };

    private static int Number(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        PosixSignal.SIGTERM => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "rind forwards only INT, TERM, HUP and QUIT"),
    };
}
