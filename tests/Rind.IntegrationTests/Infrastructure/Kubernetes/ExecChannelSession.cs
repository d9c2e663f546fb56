using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// One exec over an upgraded WebSocket, run for real in an engine container: stdin, resizes and (v5)
/// stdin's end go to the engine's exec, its output comes back on the stdout and stderr channels, and
/// the session ends with the Status the real servers send for the subprotocol agreed, a close
/// message, and a wait for the client's.
/// </summary>
internal sealed class ExecChannelSession
{
    private static readonly TimeSpan ClientCloseWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    // How Docker tells, in the output, that the command could not be started (exit code 126 or 127).
    private static readonly byte[] StartFailedNotice = "OCI runtime exec failed"u8.ToArray();

    private readonly WebSocket _socket;
    private readonly FakeExecRequest _request;
    private readonly string _containerId;
    private readonly string _protocol;
    private int _stdinClosed;

    private ExecChannelSession(WebSocket socket, FakeExecRequest request, string containerId, string protocol)
    {
        _socket = socket;
        _request = request;
        _containerId = containerId;
        _protocol = protocol;
    }

    public static Task RunAsync(WebSocket socket, FakeExecRequest request, string containerId, string protocol, CancellationToken aborted) =>
        new ExecChannelSession(socket, request, containerId, protocol).RunAsync(aborted);

    private bool Tty => _request.Tty;

    private async Task RunAsync(CancellationToken aborted)
    {
        try
        {
            // As the real servers do: an empty message on the lowest writable channel says the session is open.
            await SendAsync(_request.Stdout ? ExecChannel.Stdout : _request.Stderr && !Tty ? ExecChannel.Stderr : ExecChannel.Status, [], aborted);

            string? execId = null;
            MultiplexedStream? stream = null;
            JsonObject? failure = null;
            try
            {
                execId = await TestEngine.CreateExecAsync(_containerId, new ContainerExecCreateParameters
                {
                    Cmd = [.. _request.Command],
                    AttachStdin = _request.Stdin,
                    AttachStdout = _request.Stdout,
                    AttachStderr = _request.Stderr && !Tty,
                    TTY = Tty,
                });
                stream = await TestEngine.StartExecAsync(execId, Tty, aborted);
            }
            catch (DockerApiException exception)
            {
                failure = StartFailure(execId, exception.ResponseBody?.Trim() ?? exception.Message);
            }

            var receiving = ReceiveAsync(stream, execId, aborted);
            try
            {
                var status = failure ?? await CopyOutputAsync(stream!, execId!, aborted);
                await SendAsync(ExecChannel.Status, JsonSerializer.SerializeToUtf8Bytes(status), aborted);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, aborted);
                await receiving.WaitAsync(ClientCloseWait, aborted);
            }
            finally
            {
                stream?.Dispose();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or TimeoutException or IOException)
        {
            // The client went away, or never closed: the session is over either way.
        }
    }

    /// <summary>Until the client's close message: stdin, v5's end of stdin, and terminal sizes.</summary>
    private async Task ReceiveAsync(MultiplexedStream? stream, string? execId, CancellationToken aborted)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, aborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var bytes = message.ToArray();
                message.SetLength(0);
                if (bytes.Length > 0 && stream is not null)
                {
                    await HandleAsync(bytes, stream, execId!);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The connection broke.
        }
        finally
        {
            // The connection's end is stdin's end, as when the real server's streams close with it.
            if (stream is not null)
            {
                CloseStdin(stream);
            }
        }
    }

    private async Task HandleAsync(byte[] message, MultiplexedStream stream, string execId)
    {
        switch (message[0])
        {
            case ExecChannel.Stdin when _request.Stdin && Volatile.Read(ref _stdinClosed) == 0:
                try
                {
                    await stream.WriteAsync(message, 1, message.Length - 1, CancellationToken.None);
                }
                catch (Exception exception) when (exception is IOException or ObjectDisposedException)
                {
                    // The command ended without reading all of its input.
                }

                break;
            case ExecChannel.Close when _protocol == ExecSubprotocols.V5 && message.Length == 2 && message[1] == ExecChannel.Stdin:
                _request.StdinEnded = true;
                CloseStdin(stream);
                break;
            case ExecChannel.Resize:
                await ResizeAsync(message.AsMemory(1), execId);
                break;
            default:
                // Channels the client may not write to are ignored, as by the real servers.
                break;
        }
    }

    private async Task ResizeAsync(ReadOnlyMemory<byte> json, string execId)
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
        if (!Tty)
        {
            return;
        }

        // The engine takes a size only once the exec's process runs, which may be a moment after its start.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                await TestEngine.ResizeExecAsync(execId, width, height);
                return;
            }
            catch (DockerApiException)
            {
                await Task.Delay(20);
            }
        }
    }

    // Go's decoder matches field names without regard to case.
    private static int Dimension(JsonElement size, string name) =>
        size.EnumerateObject().First(property => string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)).Value.GetInt32();

    private void CloseStdin(MultiplexedStream stream)
    {
        if (!_request.Stdin || Interlocked.Exchange(ref _stdinClosed, 1) == 1)
        {
            return;
        }

        try
        {
            stream.CloseWrite();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            // Gone already.
        }
    }

    /// <summary>The command's output until it ends, then the Status for how it ended.</summary>
    private async Task<JsonObject> CopyOutputAsync(MultiplexedStream stream, string execId, CancellationToken aborted)
    {
        var buffer = new byte[81920];
        byte[]? notice = null;
        var first = true;
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, aborted);
            if (read.EOF)
            {
                break;
            }

            var channel = read.Target == MultiplexedStream.TargetStream.StandardError ? ExecChannel.Stderr : ExecChannel.Stdout;
            var chunk = buffer.AsSpan(0, read.Count).ToArray();
            if (first && channel == ExecChannel.Stdout && chunk.AsSpan().StartsWith(StartFailedNotice))
            {
                // Held until the exit code tells whether it is the engine's or the command's.
                notice = chunk;
                first = false;
                continue;
            }

            first = false;
            if (notice is not null)
            {
                await SendAsync(ExecChannel.Stdout, notice, aborted);
                notice = null;
            }

            await SendAsync(channel, chunk, aborted);
        }

        var exitCode = await ExitCodeAsync(execId);
        if (notice is not null && exitCode is 126 or 127)
        {
            return StartFailure(execId, Encoding.UTF8.GetString(notice).TrimEnd());
        }

        if (notice is not null)
        {
            await SendAsync(ExecChannel.Stdout, notice, aborted);
        }

        _request.ExitCode = exitCode;
        return exitCode == 0 ? ApiStatus.Success() : ApiStatus.NonZeroExitCode(NonZeroExitMessage(exitCode), exitCode);
    }

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

    // The kubelet's words through the container runtime (v4), or the API server's own, which reads
    // the kubelet's answer and words it again (v5).
    private string NonZeroExitMessage(int exitCode) => _protocol == ExecSubprotocols.V5
        ? $"command terminated with non-zero exit code: command terminated with exit code {exitCode}"
        : $"command terminated with non-zero exit code: error executing command [{string.Join(' ', _request.Command)}], exit code {exitCode}";

    // containerd's words for a process that could not be started; the API server (v5) wraps the
    // kubelet's internal error in one of its own.
    private JsonObject StartFailure(string? execId, string runtimeMessage)
    {
        var cause = $"error executing command in container: failed to exec in container: failed to start exec \"{execId}\": {runtimeMessage}";
        var kubelet = ApiStatus.InternalError(cause);
        return _protocol == ExecSubprotocols.V5 ? ApiStatus.InternalError(kubelet["message"]!.GetValue<string>()) : kubelet;
    }

    private async Task SendAsync(byte channel, byte[] data, CancellationToken aborted)
    {
        var frame = new byte[data.Length + 1];
        frame[0] = channel;
        data.CopyTo(frame, 1);
        await _socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, aborted);
    }
}
