using Rind.Serialization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rind.Diagnostics;
using Rind.Engine;
using Rind.Engine.Models;
using Rind.Platform;
using Rind.Streams;

namespace Rind.Execution;

/// <summary>
/// Runs one command in a container. Without a terminal: stdin forwarded until it ends, stdout and
/// stderr kept apart byte for byte. With one: the local terminal in raw mode and the container's
/// terminal kept at its size. Either way the command's exit code is read from the engine at the end.
/// </summary>
internal sealed class ExecSession(IDockerEngine engine, IStandardStreams streams, ITerminal terminal, ISignals signals, ILogger logger)
{
    private const int BufferSize = 64 * 1024;

    /// <summary>How often, and how far apart, the first resize is tried: the engine may not have the process yet.</summary>
    private const int FirstResizeAttempts = 10;

    /// <summary>The exit code Podman reports for a command it did not see end.</summary>
    private const int UnknownExitCode = -1;

    /// <summary>How long rind waits for a command it passed a signal to before it ends without it.</summary>
    private static readonly TimeSpan GiveUpAfterSignal = TimeSpan.FromSeconds(10);

    /// <summary>How long rind waits for the engine to record an exit code once the output has ended.</summary>
    private static readonly TimeSpan ExitCodeDeadline = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The same in a terminal session, where output that ends while the command runs on most likely
    /// means the user typed the detach keys.
    /// </summary>
    private static readonly TimeSpan DetachDeadline = TimeSpan.FromSeconds(2);

    public async Task<int> RunAsync(ContainerSummary container, ExecPlan plan, CancellationToken cancellationToken)
    {
        var size = plan.Tty ? terminal.GetSize() : null;
        IReadOnlyList<int>? consoleSize = size is { } known ? [known.Rows, known.Columns] : null;
        var marker = ProcessMarker.Create();
        var execId = await CreateAsync(container, plan, marker, consoleSize, cancellationToken).ConfigureAwait(false);
        LogMessages.ExecCreated(logger, execId, JsonSerializer.Serialize(plan.Argv, RindJsonContext.Default.IReadOnlyListString));

        // The engine cannot signal an exec, so rind does: Ctrl-C in a script, a kill or a closed
        // terminal reaches the command and all it started, and rind exits with the command's code.
        var forwarder = new SignalForwarder(engine, container, marker, logger);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        PosixSignal? received = null;
        using var interception = signals.Intercept(signal =>
        {
            received = signal;
            _ = forwarder.ForwardAsync(signal, CancellationToken.None);
            giveUp.CancelAfter(GiveUpAfterSignal);
        });
        int exitCode;
        try
        {
            exitCode = await AttachAsync(execId, plan, consoleSize, forwarder, giveUp.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (received is { } signal && !cancellationToken.IsCancellationRequested)
        {
            exitCode = SignalForwarder.ExitCodeOf(signal);
        }

        if (received is not null)
        {
            await forwarder.EndLeftoversAsync(cancellationToken).ConfigureAwait(false);
        }

        return exitCode;
    }

    private async Task<int> AttachAsync(
        string execId, ExecPlan plan, IReadOnlyList<int>? consoleSize, SignalForwarder forwarder, CancellationToken cancellationToken)
    {
        var output = new ExecOutputCopier(streams, () => AskAboutExec(execId, cancellationToken));
        var connection = await StartAsync(execId, plan, consoleSize, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))

        // Raw only once the engine has answered: logging in to an ssh:// engine may still ask for a password.
        using (plan.Tty ? terminal.EnterRawMode() : null)
        using (plan.Tty ? FollowTerminalSize(execId, cancellationToken) : null)
        {
            // Input and output each get a thread of their own: plain blocking reads and writes are the
            // fastest way through, with no handing of every piece from thread to thread. Input's is not
            // awaited: the command may end while rind's own stdin stays open, and rind must end with it.
            new Thread(() => ForwardInput(streams.Input, connection)) { IsBackground = true, Name = "stdin" }.Start();

            // Frames come as an 8-byte header and a payload: buffered, the headers cost no read of their own.
            IChunkReader reader = plan.Tty
                ? new RawStreamReader(connection.Stream)
                : new MultiplexedStreamReader(new BufferedStream(connection.Stream, BufferSize));
            if (!await OnThreadOfItsOwn("output", () => output.Copy(reader)).WaitAsync(cancellationToken).ConfigureAwait(false))
            {
                // Left running, the command would write on into a connection nobody reads, or never end.
                LogMessages.OutputFailed(logger, output.StdoutFailure!.Message);
                await forwarder.EndForLostOutputAsync(cancellationToken).ConfigureAwait(false);
                return StdoutFailure.ExitCodeOf(output.StdoutFailure!);
            }
        }

        var ended = await WaitForEndAsync(execId, plan.Tty ? DetachDeadline : ExitCodeDeadline, cancellationToken).ConfigureAwait(false);
        var notice = EngineNotices.Classify(output.HeldNotice);

        // Podman reports a command it detached from as ended, with no exit code of its own, yet it goes on running.
        var detachedWhileRunning = notice == EngineNotice.DetachedCommandRuns && ended.ExitCode == UnknownExitCode;
        if (ended.Running || detachedWhileRunning)
        {
            if (!plan.Tty)
            {
                throw new RindException(ended.Running
                    ? "the connection to the command ended while it goes on running in the container"
                    : "the engine took part of the command's input for its detach keys and cut the input short; " +
                      "the command may go on running in the container");
            }

            streams.ErrorWriter.Write("rind: detached; the command goes on running in the container\n");
            return ExitCodes.Success;
        }

        if (plan.Tty && notice == EngineNotice.DetachedCommandEnded)
        {
            streams.ErrorWriter.Write("rind: detached; this engine ends the command when one detaches\n");
            return ExitCodes.Success;
        }

        var exitCode = ended.ExitCode!.Value;
        LogMessages.ExecEnded(logger, execId, exitCode);

        // A process that never got a pid never ran: what came instead of its output is the engine's reason.
        // Podman reports the failures of its runtime it has no other code for with 125.
        if (notice == EngineNotice.StartFailed && ended.Pid == 0 && exitCode is ExitCodes.RindFailure or ExitCodes.CannotRun or ExitCodes.NotFound)
        {
            var failure = ExecStartFailure.Classify(plan, output.HeldNotice!);
            throw new RindException(failure.Message, failure.ExitCode);
        }

        if (!output.ReleaseHeld())
        {
            return StdoutFailure.ExitCodeOf(output.StdoutFailure!);
        }

        // Taken modulo 256 as a shell would, 256 would read as success.
        return exitCode is >= ExitCodes.Success and <= ExitCodes.Highest
            ? (int)exitCode
            : throw new RindException($"the engine reported an impossible exit code ({exitCode}) for the command");
    }

    private async Task<string> CreateAsync(
        ContainerSummary container, ExecPlan plan, ProcessMarker marker, IReadOnlyList<int>? consoleSize, CancellationToken cancellationToken)
    {
        var request = new ExecCreateRequest
        {
            AttachStdin = true,
            AttachStdout = true,
            AttachStderr = true,
            Tty = plan.Tty,
            Cmd = plan.Argv,
            Env = [.. plan.Environment, marker.Variable],
            User = plan.User,
            WorkingDir = plan.WorkingDirectory,
            Privileged = plan.Privileged,
            DetachKeys = plan.DetachKeys,
            ConsoleSize = consoleSize,
        };
        try
        {
            return await engine.CreateExecAsync(container.Id, request, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineRequestException exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            throw new RindException(
                $"cannot run in container {UntrustedText.Show(container.DisplayName)}: {exception.Message}", innerException: exception);
        }
    }

    private async Task<IExecConnection> StartAsync(
        string execId, ExecPlan plan, IReadOnlyList<int>? consoleSize, CancellationToken cancellationToken)
    {
        var request = new ExecStartRequest { Detach = false, Tty = plan.Tty, ConsoleSize = consoleSize, Height = consoleSize?[0], Width = consoleSize?[1] };
        try
        {
            return await engine.StartExecAsync(execId, request, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineRequestException exception)
            when (ExecStartFailure.CauseOf(exception.Message) is StartFailureCause.NoSuchUser or StartFailureCause.NoSuchGroup)
        {
            // Podman looks the user up before it starts the command, and refuses the request to start it.
            var failure = ExecStartFailure.Classify(plan, exception.Message);
            throw new RindException(failure.Message, failure.ExitCode, exception);
        }
    }

    /// <summary>Sizes the container's terminal now, and again whenever the local one is resized.</summary>
    private IDisposable FollowTerminalSize(string execId, CancellationToken cancellationToken)
    {
        _ = ResizeAsync(execId, FirstResizeAttempts, cancellationToken);
        return terminal.OnResize(() => _ = ResizeAsync(execId, attempts: 1, cancellationToken));
    }

    private async Task ResizeAsync(string execId, int attempts, CancellationToken cancellationToken)
    {
        if (terminal.GetSize() is not { } size)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await engine.ResizeExecAsync(execId, size.Rows, size.Columns, cancellationToken).ConfigureAwait(false);
                LogMessages.TerminalResized(logger, execId, size.Rows, size.Columns);
                return;
            }
            catch (Exception exception) when (exception is EngineRequestException or RindException && attempt < attempts)
            {
                await Task.Delay(10 * attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is EngineRequestException or RindException)
            {
                // The command may already have ended; its terminal's size no longer matters.
                LogMessages.ResizeFailed(logger, execId, exception.Message);
                return;
            }
        }
    }

    /// <summary>What the engine says of the exec now, asked from the output's thread; null when it did not answer.</summary>
    private ExecInspectResponse? AskAboutExec(string execId, CancellationToken cancellationToken)
    {
        try
        {
            // The engine's calls block until answered, so the task is complete when returned.
            return engine.InspectExecAsync(execId, cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is RindException or EngineRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    private static Task<T> OnThreadOfItsOwn<T>(string name, Func<T> work)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                result.SetResult(work());
            }
            catch (Exception exception)
            {
                result.SetException(exception);
            }
        })
        { IsBackground = true, Name = name }.Start();
        return result.Task;
    }

    private static void ForwardInput(Stream input, IExecConnection connection)
    {
        var buffer = new byte[BufferSize];
        try
        {
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                connection.Stream.Write(buffer, 0, read);
            }

            connection.CloseInputAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            // The command has ended and the connection with it; nothing is waiting for more input.
        }
    }

    /// <returns>How the exec ended, or that it still runs when the deadline has passed.</returns>
    private async Task<ExecInspectResponse> WaitForEndAsync(string execId, TimeSpan wait, CancellationToken cancellationToken)
    {
        // The engine can close the stream a moment before it records the exit, so ask until it has.
        var deadline = DateTime.UtcNow + wait;
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
                return inspect.Running ? inspect : throw new RindException($"the engine did not report how exec {UntrustedText.Show(execId)} ended");
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }
}
