using Microsoft.Extensions.Logging;
using Rind.Backends;
using Rind.Diagnostics;
using Rind.Docker.Streams;
using Rind.Platform;
using Rind.Transport.Http;

namespace Rind.Docker;

/// <summary>
/// A command started through the engine's exec API: its output and input travel on the hijacked
/// connection, while its size and its end are asked of the engine in calls of their own.
/// </summary>
internal sealed class DockerExecProcess : IExecProcess
{
    private const int BufferSize = 64 * 1024;

    /// <summary>How often the first resize is tried: the engine may not have the process yet.</summary>
    private const int FirstResizeAttempts = 10;

    private readonly IDockerEngine _engine;
    private readonly string _execId;
    private readonly UpgradedStream _stream;
    private readonly ILogger _logger;
    private int _resizes;

    public DockerExecProcess(IDockerEngine engine, string execId, UpgradedStream stream, bool tty, ILogger logger)
    {
        _engine = engine;
        _execId = execId;
        _stream = stream;
        _logger = logger;

        // Frames come as an 8-byte header and a payload: buffered, the headers cost no read of their own.
        Output = new EngineOutputReader(tty ? new RawStreamReader(stream) : new MultiplexedStreamReader(new BufferedStream(stream, BufferSize)));
    }

    public IChunkReader Output { get; }

    public void WriteInput(ReadOnlySpan<byte> bytes) => _stream.Write(bytes);

    public void CloseInput() => _stream.CloseWrite();

    public void Resize(TerminalSize size)
    {
        var attempts = Interlocked.Increment(ref _resizes) == 1 ? FirstResizeAttempts : 1;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _engine.ResizeExec(_execId, size.Rows, size.Columns);
                LogMessages.TerminalResized(_logger, _execId, size.Rows, size.Columns);
                return;
            }
            catch (RindException) when (attempt < attempts)
            {
                Thread.Sleep(10 * attempt);
            }
            catch (RindException exception)
            {
                // The command may already have ended; its terminal's size no longer matters.
                LogMessages.ResizeFailed(_logger, _execId, exception.Message);
                return;
            }
        }
    }

    public ExecState? Probe()
    {
        try
        {
            return StateOf(_engine.InspectExec(_execId));
        }
        catch (RindException)
        {
            return null;
        }
    }

    public ExecState WaitForEnd(TimeSpan patience)
    {
        // The engine can close the stream a moment before it records the exit, so ask until it has.
        var deadline = DateTime.UtcNow + patience;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var state = StateOf(_engine.InspectExec(_execId));
            if (state is { Running: false, ExitCode: { } exitCode })
            {
                LogMessages.ExecEnded(_logger, _execId, exitCode);
                return state;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return state.Running ? state : throw new RindException($"the engine did not report how exec {UntrustedText.Show(_execId)} ended");
            }

            Thread.Sleep(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }

    public void Dispose() => _stream.Dispose();

    private static ExecState StateOf(Models.ExecInspectResponse inspect) => new(inspect.Running, inspect.ExitCode, inspect.Pid);
}
