using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rind.Backends;
using Rind.Diagnostics;
using Rind.Kubernetes.Api.Models;
using Rind.Platform;
using Rind.Serialization;
using Rind.Streams;
using Rind.WebSockets;

namespace Rind.Kubernetes.Api;

/// <summary>
/// A command started through a pod's exec subresource, over the WebSocket the server agreed to.
/// Output is read on one thread and input written on another.
/// </summary>
internal sealed class KubernetesExecProcess : IPodExecProcess
{
    private readonly ExecChannelReader _reader;
    private readonly ExecChannelWriter _writer;
    private readonly string _cluster;
    private readonly string _name;
    private readonly ILogger _logger;

    /// <param name="protocol">The subprotocol the server agreed to (see <see cref="ExecSubprotocol"/>).</param>
    /// <param name="cluster">What messages call the server.</param>
    /// <param name="name">What the log calls the exec: its pod.</param>
    public KubernetesExecProcess(WebSocketConnection socket, string protocol, string cluster, string name, ILogger logger)
    {
        Protocol = protocol;
        _cluster = cluster;
        _name = name;
        _logger = logger;
        _reader = new ExecChannelReader(socket);
        _writer = new ExecChannelWriter(socket);
    }

    /// <summary>The subprotocol agreed on: v5.channel.k8s.io or v4.channel.k8s.io.</summary>
    public string Protocol { get; }

    /// <summary>Whether the command can be told that its input ended: v5 only.</summary>
    public bool CanCloseInput => Protocol == ExecSubprotocol.V5;

    public IChunkReader Output => _reader;

    public void WriteInput(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.IsEmpty)
        {
            _writer.Send(ExecChannel.Stdin, bytes);
        }
    }

    /// <summary>
    /// Sends the end of input on v5. v4 has no such message: there it does nothing, and a command that
    /// waits for the end of its input waits on; callers check <see cref="CanCloseInput"/> before relying on it.
    /// </summary>
    public void CloseInput()
    {
        if (CanCloseInput)
        {
            _writer.Close(ExecChannel.Stdin);
        }
    }

    public void Resize(TerminalSize size)
    {
        var message = JsonSerializer.SerializeToUtf8Bytes(new TerminalResizeMessage(size.Columns, size.Rows), RindJsonContext.Default.TerminalResizeMessage);
        try
        {
            _writer.Send(ExecChannel.Resize, message);
            LogMessages.TerminalResized(_logger, _name, size.Rows, size.Columns);
        }
        catch (IOException exception)
        {
            LogMessages.ResizeFailed(_logger, _name, exception.Message);
        }
    }

    /// <summary>The exec API tells nothing of a command until it ends.</summary>
    public ExecState? Probe() => null;

    /// <exception cref="RindException">The connection broke off before the server said how the command ended.</exception>
    public ExecState WaitForEnd(TimeSpan patience)
    {
        if (!_reader.Ended.WaitOne(patience))
        {
            return new ExecState(Running: true, ExitCode: null, Pid: null);
        }

        if (_reader.StatusMessage.IsEmpty && _reader.Broken)
        {
            throw new RindException($"the connection to {_cluster} broke off before the command in pod {UntrustedText.Show(_name)} ended; its exit code is not known");
        }

        var ended = ExecEnding.Of(_reader.StatusMessage);
        if (ended.ExitCode is { } exitCode)
        {
            LogMessages.ExecEnded(_logger, _name, exitCode);
        }

        return ended;
    }

    public void Dispose() => _writer.Finish();
}
