using System.Text;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// The command of one exec request, run for real in the pod's engine container: the part every
/// transport shares. Stdin and resizes go in, output comes out with the stream it was written to,
/// and the end says how the command ended, whatever carries it to the client.
/// </summary>
internal sealed class EngineExec : IDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    // How Docker tells, in the output, that the command could not be started (exit code 126 or 127).
    private static readonly byte[] StartFailedNotice = "OCI runtime exec failed"u8.ToArray();

    private readonly FakeExecRequest _request;
    private readonly string? _execId;
    private readonly MultiplexedStream? _stream;
    private readonly string? _refusal;
    private int _stdinClosed;

    private EngineExec(FakeExecRequest request, string? execId, MultiplexedStream? stream, string? refusal)
    {
        _request = request;
        _execId = execId;
        _stream = stream;
        _refusal = refusal;
    }

    private bool Tty => _request.Tty;

    /// <summary>Creates and starts the exec; an engine's refusal is kept, to end the session with as a start failure.</summary>
    public static async Task<EngineExec> StartAsync(FakeExecRequest request, string containerId, CancellationToken aborted)
    {
        string? execId = null;
        try
        {
            execId = await TestEngine.CreateExecAsync(containerId, new ContainerExecCreateParameters
            {
                Cmd = [.. request.Command],
                AttachStdin = request.Stdin,
                AttachStdout = request.Stdout,
                AttachStderr = request.Stderr && !request.Tty,
                TTY = request.Tty,
            });
            var stream = await TestEngine.StartExecAsync(execId, request.Tty, aborted);
            return new EngineExec(request, execId, stream, refusal: null);
        }
        catch (DockerApiException exception)
        {
            return new EngineExec(request, execId, stream: null, exception.ResponseBody?.Trim() ?? exception.Message);
        }
    }

    /// <summary>
    /// Passes the command's output to <paramref name="send"/> (true for stderr) until it ends, and
    /// says how it ended. An engine's start failure comes back as such, not as output.
    /// </summary>
    public async Task<ExecEnd> CopyOutputAsync(Func<bool, byte[], Task> send, CancellationToken aborted)
    {
        if (_stream is null)
        {
            return ExecEnd.StartFailed(_execId, _refusal!);
        }

        var buffer = new byte[81920];
        byte[]? notice = null;
        var first = true;
        while (true)
        {
            var read = await _stream.ReadOutputAsync(buffer, 0, buffer.Length, aborted);
            if (read.EOF)
            {
                break;
            }

            var isStderr = read.Target == MultiplexedStream.TargetStream.StandardError;
            var chunk = buffer.AsSpan(0, read.Count).ToArray();
            if (first && !isStderr && chunk.AsSpan().StartsWith(StartFailedNotice))
            {
                // Held until the exit code tells whether it is the engine's or the command's.
                notice = chunk;
                first = false;
                continue;
            }

            first = false;
            if (notice is not null)
            {
                await send(false, notice);
                notice = null;
            }

            await send(isStderr, chunk);
        }

        var exitCode = await ExitCodeAsync(_execId!);
        if (notice is not null && exitCode is 126 or 127)
        {
            return ExecEnd.StartFailed(_execId, Encoding.UTF8.GetString(notice).TrimEnd());
        }

        if (notice is not null)
        {
            await send(false, notice);
        }

        _request.ExitCode = exitCode;
        return ExecEnd.Exited(exitCode);
    }

    /// <summary>Passes input on; input after stdin's end, or once the command stopped reading, is dropped.</summary>
    public async Task WriteStdinAsync(ReadOnlyMemory<byte> data)
    {
        if (_stream is null || !_request.Stdin || Volatile.Read(ref _stdinClosed) == 1)
        {
            return;
        }

        try
        {
            await _stream.WriteAsync(data.ToArray(), 0, data.Length, CancellationToken.None);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The command ended without reading all of its input.
        }
    }

    public void CloseStdin()
    {
        if (_stream is null || !_request.Stdin || Interlocked.Exchange(ref _stdinClosed, 1) == 1)
        {
            return;
        }

        try
        {
            _stream.CloseWrite();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            // Gone already.
        }
    }

    /// <summary>One terminal size as the client sends it (<c>{"Width":W,"Height":H}</c>): recorded, and applied to a terminal.</summary>
    public async Task ResizeAsync(ReadOnlyMemory<byte> json)
    {
        int width, height;
        try
        {
            using var size = JsonDocument.Parse(json);
            width = Dimension(size.RootElement, "Width");
            height = Dimension(size.RootElement, "Height");
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return;
        }

        _request.AddResize(width, height);
        if (!Tty || _execId is null)
        {
            return;
        }

        // The engine takes a size only once the exec's process runs, which may be a moment after its start.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                await TestEngine.ResizeExecAsync(_execId, width, height);
                return;
            }
            catch (DockerApiException)
            {
                await Task.Delay(20);
            }
        }
    }

    public void Dispose() => _stream?.Dispose();

    // Go's decoder matches field names without regard to case.
    private static int Dimension(JsonElement size, string name) =>
        size.EnumerateObject().First(property => string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)).Value.GetInt32();

    private static async Task<int> ExitCodeAsync(string execId)
    {
        var deadline = DateTime.UtcNow + ExitWait;
        while (true)
        {
            var exec = await TestEngine.InspectExecAsync(execId);
            if (!exec.Running || DateTime.UtcNow > deadline)
            {
                return (int)(exec.ExitCode ?? -1);
            }

            await Task.Delay(10);
        }
    }
}
