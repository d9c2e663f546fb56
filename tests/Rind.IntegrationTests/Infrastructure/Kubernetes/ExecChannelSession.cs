using System.Net.WebSockets;
using System.Text.Json;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// One exec over an upgraded WebSocket, run for real in an engine container (<see cref="EngineExec"/>):
/// stdin, resizes and (v5) stdin's end go to the engine's exec, its output comes back on the stdout
/// and stderr channels, and the session ends with the Status the real servers send for the subprotocol agreed, a close
/// message, and a wait for the client's.
/// </summary>
internal sealed class ExecChannelSession
{
    private static readonly TimeSpan ClientCloseWait = TimeSpan.FromSeconds(10);

    private readonly WebSocket _socket;
    private readonly FakeExecRequest _request;
    private readonly string _containerId;
    private readonly string _protocol;
    private readonly bool _goesSilent;

    private ExecChannelSession(WebSocket socket, FakeExecRequest request, string containerId, string protocol, bool goesSilent)
    {
        _socket = socket;
        _request = request;
        _containerId = containerId;
        _protocol = protocol;
        _goesSilent = goesSilent;
    }

    /// <param name="goesSilent">Once the command started, neither read nor write any more, and keep the connection open.</param>
    public static Task RunAsync(WebSocket socket, FakeExecRequest request, string containerId, string protocol, bool goesSilent, CancellationToken aborted) =>
        new ExecChannelSession(socket, request, containerId, protocol, goesSilent).RunAsync(aborted);

    private bool Tty => _request.Tty;

    private async Task RunAsync(CancellationToken aborted)
    {
        try
        {
            // As the real servers do: an empty message on the lowest writable channel says the session is open.
            await SendAsync(_request.Stdout ? ExecChannel.Stdout : _request.Stderr && !Tty ? ExecChannel.Stderr : ExecChannel.Status, [], aborted);

            using var exec = await EngineExec.StartAsync(_request, _containerId, aborted);
            if (_goesSilent)
            {
                // A server that stopped answering: the connection stays open, and nothing more happens on it.
                await Task.Delay(Timeout.Infinite, aborted);
            }

            var receiving = ReceiveAsync(exec, aborted);
            var end = await exec.CopyOutputAsync((isStderr, chunk) => SendAsync(isStderr ? ExecChannel.Stderr : ExecChannel.Stdout, chunk, aborted), aborted);
            var status = end.Status(_request.Command, apiServerWords: _protocol == ExecSubprotocols.V5);
            await SendAsync(ExecChannel.Status, JsonSerializer.SerializeToUtf8Bytes(status), aborted);
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, aborted);
            await receiving.WaitAsync(ClientCloseWait, aborted);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or TimeoutException or IOException)
        {
            // The client went away, or never closed: the session is over either way.
        }
    }

    /// <summary>Until the client's close message: stdin, v5's end of stdin, and terminal sizes.</summary>
    private async Task ReceiveAsync(EngineExec exec, CancellationToken aborted)
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
                if (bytes.Length > 0)
                {
                    await HandleAsync(bytes, exec);
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
            exec.CloseStdin();
        }
    }

    private async Task HandleAsync(byte[] message, EngineExec exec)
    {
        switch (message[0])
        {
            case ExecChannel.Stdin:
                await exec.WriteStdinAsync(message.AsMemory(1));
                break;
            case ExecChannel.Close when _protocol == ExecSubprotocols.V5 && message.Length == 2 && message[1] == ExecChannel.Stdin:
                _request.StdinEnded = true;
                exec.CloseStdin();
                break;
            case ExecChannel.Resize:
                await exec.ResizeAsync(message.AsMemory(1));
                break;
            default:
                // Channels the client may not write to are ignored, as by the real servers.
                break;
        }
    }

    private async Task SendAsync(byte channel, byte[] data, CancellationToken aborted)
    {
        var frame = new byte[data.Length + 1];
        frame[0] = channel;
        data.CopyTo(frame, 1);
        await _socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, aborted);
    }
}
