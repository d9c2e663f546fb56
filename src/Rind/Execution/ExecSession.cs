using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Rind.Diagnostics;
using Rind.Engine;
using Rind.Engine.Models;
using Rind.Platform;

namespace Rind.Execution;

/// <summary>
/// Runs one command in a container without a terminal: stdin forwarded until it ends, stdout and
/// stderr kept apart byte for byte, and the command's exit code read from the engine at the end.
/// </summary>
internal sealed class ExecSession(IDockerEngine engine, IStandardStreams streams, ILogger logger)
{
    private const int BufferSize = 64 * 1024;

    /// <summary>How long rind waits for the engine to record an exit code once the output has ended.</summary>
    private static readonly TimeSpan ExitCodeDeadline = TimeSpan.FromSeconds(10);

    public async Task<int> RunAsync(ContainerSummary container, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        var execId = await CreateAsync(container, argv, cancellationToken).ConfigureAwait(false);
        LogMessages.ExecCreated(logger, execId, string.Join(' ', argv));

        var output = new ExecOutputCopier(streams);
        var connection = await engine.StartExecAsync(execId, new ExecStartRequest { Detach = false, Tty = false }, cancellationToken)
            .ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Not awaited: the command may end while rind's own stdin stays open, and rind must end with it.
            _ = Task.Run(() => ForwardInputAsync(streams.Input, connection), CancellationToken.None);

            if (!await output.CopyAsync(connection.Stream, cancellationToken).ConfigureAwait(false))
            {
                LogMessages.OutputClosed(logger);
                return ExitCodes.BrokenPipe;
            }
        }

        var ended = await WaitForEndAsync(execId, cancellationToken).ConfigureAwait(false);
        var exitCode = ended.ExitCode!.Value;
        LogMessages.ExecEnded(logger, execId, exitCode);

        // A process that never got a pid never ran: what came instead of its output is the engine's reason.
        if (output.HeldStartFailure is { } reason && ended.Pid == 0 && exitCode is ExitCodes.CannotRun or ExitCodes.NotFound)
        {
            var failure = ExecStartFailure.Classify(argv[0], reason);
            throw new RindException(failure.Message, failure.ExitCode);
        }

        return output.ReleaseHeld() ? exitCode : ExitCodes.BrokenPipe;
    }

    private async Task<string> CreateAsync(ContainerSummary container, IReadOnlyList<string> argv, CancellationToken cancellationToken)
    {
        var request = new ExecCreateRequest
        {
            AttachStdin = true,
            AttachStdout = true,
            AttachStderr = true,
            Tty = false,
            Cmd = argv,
        };
        try
        {
            return await engine.CreateExecAsync(container.Id, request, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineRequestException exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            throw new RindException(
                $"cannot run in container {container.DisplayName}: {exception.Message}", innerException: exception);
        }
    }

    private static async Task ForwardInputAsync(Stream input, IExecConnection connection)
    {
        try
        {
            await input.CopyToAsync(connection.Stream, BufferSize).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            // The command has ended and the connection with it; nothing is waiting for more input.
            return;
        }

        connection.CloseInput();
    }

    private async Task<ExecInspectResponse> WaitForEndAsync(string execId, CancellationToken cancellationToken)
    {
        // The engine can close the stream a moment before it records the exit, so ask until it has.
        var deadline = DateTime.UtcNow + ExitCodeDeadline;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var inspect = await engine.InspectExecAsync(execId, cancellationToken).ConfigureAwait(false);
            if (inspect is { Running: false, ExitCode: not null })
            {
                return inspect;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new RindException($"the engine did not report how exec {execId} ended");
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }
}
