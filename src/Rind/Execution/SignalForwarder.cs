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
    /// <summary>How long rind waits for the exec that signals the command's processes to have done so.</summary>
    private static readonly TimeSpan LeftoverDeadline = TimeSpan.FromSeconds(5);

    public Task ForwardAsync(PosixSignal signal, CancellationToken cancellationToken) =>
        SendAsync(Name(signal), cancellationToken);

    /// <summary>
    /// Kills what is left of the command once it has ended of a forwarded signal: children that ignore
    /// the signal (as a shell's background jobs ignore SIGINT) would otherwise live on in the container.
    /// </summary>
    public Task EndLeftoversAsync(CancellationToken cancellationToken) => SendAndWaitAsync("KILL", cancellationToken);

    /// <summary>
    /// Ends the command and everything it started once its output can go nowhere: SIGPIPE, which a
    /// command writing into a pipe nobody reads would get, then SIGKILL for whatever ignores that.
    /// </summary>
    public async Task EndForLostOutputAsync(CancellationToken cancellationToken)
    {
        await SendAndWaitAsync("PIPE", cancellationToken).ConfigureAwait(false);
        await EndLeftoversAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a signal, and waits until the exec that sends it has done so.</summary>
    private async Task SendAndWaitAsync(string name, CancellationToken cancellationToken)
    {
        if (await SendAsync(name, cancellationToken).ConfigureAwait(false) is not { } execId)
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
            LogMessages.SignalNotForwarded(logger, name, exception.Message);
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
    public static int ExitCodeOf(PosixSignal signal) => ExitCodes.SignalBase + Describe(signal).Number;

    private static string Name(PosixSignal signal) => Describe(signal).Name;

    /// <summary>The name kill takes and the number the kernel gives each signal rind forwards.</summary>
    private static (string Name, int Number) Describe(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => ("HUP", 1),
        PosixSignal.SIGINT => ("INT", 2),
        PosixSignal.SIGQUIT => ("QUIT", 3),
        PosixSignal.SIGTERM => ("TERM", 15),
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "rind forwards only INT, TERM, HUP and QUIT"),
    };
}
