using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rind.Backends;
using Rind.Diagnostics;
using Rind.Kubernetes.Api.Models;
using Rind.Platform;
using Rind.Serialization;

namespace Rind.Kubernetes.Api;

/// <summary>
/// A command started through a pod's exec subresource, over the streams of whichever transport the server
/// agreed to, kept alive by a heartbeat. Output is read on one thread and input written on another.
/// </summary>
internal sealed class KubernetesExecProcess : IPodExecProcess, IChunkReader
{
    private readonly IExecStreams _streams;
    private readonly string _cluster;
    private readonly PodExecRequest _request;
    private readonly ILogger _logger;
    private readonly ExecKeepAlive _keepAlive;
    private readonly ExecHeartbeat _heartbeat;

    /// <param name="cluster">What messages call the server.</param>
    /// <param name="request">The exec: its pod names it in the log; its argv's first word is rind's own program (env or /bin/sh).</param>
    public KubernetesExecProcess(IExecStreams streams, ExecKeepAlive keepAlive, string cluster, PodExecRequest request, ILogger logger)
    {
        _streams = streams;
        _keepAlive = keepAlive;
        _cluster = cluster;
        _request = request;
        _logger = logger;
        _heartbeat = new ExecHeartbeat(streams, keepAlive.PingPeriod);
    }

    /// <summary>The transport and protocol agreed on, as --verbose tells them.</summary>
    public string Protocol => _streams.Description;

    public bool CanCloseInput => _streams.CanCloseInput;

    /// <summary>The command's output; a connection that broke or went silent on the way is said in the cluster's words.</summary>
    public IChunkReader Output => this;

    /// <exception cref="RindException">The connection broke off, or went silent, before the output ended.</exception>
    public OutputChunk Read(Span<byte> buffer)
    {
        try
        {
            return _streams.Output.Read(buffer);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            throw new RindException(_streams.ConnectionEnd == ExecConnectionEnd.Silent
                ? SilenceMessage()
                : $"the connection to {_cluster} broke off while the command in pod {UntrustedText.Show(_request.Pod)} ran: {exception.Message}",
                innerException: exception);
        }
    }

    public void WriteInput(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.IsEmpty)
        {
            _streams.SendInput(bytes);
        }
    }

    /// <summary>
    /// Tells the command its input ended where the protocol can; where it cannot, a command that waits for the end
    /// of its input waits on, and callers check <see cref="CanCloseInput"/> before relying on it.
    /// </summary>
    public void CloseInput() => _streams.CloseInput();

    public void Resize(TerminalSize size)
    {
        var message = JsonSerializer.SerializeToUtf8Bytes(new TerminalResizeMessage(size.Columns, size.Rows), RindJsonContext.Default.TerminalResizeMessage);
        try
        {
            _streams.SendResize(message);
            LogMessages.TerminalResized(_logger, _request.Pod, size.Rows, size.Columns);
        }
        catch (IOException exception)
        {
            LogMessages.ResizeFailed(_logger, _request.Pod, exception.Message);
        }
    }

    /// <summary>The exec API tells nothing of a command until it ends.</summary>
    public ExecState? Probe() => null;

    /// <exception cref="RindException">The connection broke off, or went silent, before the server said how the command ended.</exception>
    public ExecState WaitForEnd(TimeSpan patience)
    {
        if (!_streams.Ended.WaitOne(patience))
        {
            return new ExecState(Running: true, ExitCode: null, Pid: null);
        }

        if (_streams.Status.IsEmpty)
        {
            switch (_streams.ConnectionEnd)
            {
                case ExecConnectionEnd.Silent:
                    throw new RindException(SilenceMessage());
                case ExecConnectionEnd.Broken:
                    throw new RindException($"the connection to {_cluster} broke off before the command in pod {UntrustedText.Show(_request.Pod)} ended; its exit code is not known");
            }
        }

        var ended = _streams.StatusIsText ? ExecEnding.OfText(Encoding.UTF8.GetString(_streams.Status)) : ExecEnding.Of(_streams.Status);
        if (ended.StartFailure is { } failure && _request.Command.Count > 0 && MissingProgram.Named(failure, _request.Command[0]))
        {
            throw new RindException(MissingProgramMessage(_request.Command[0]));
        }
        if (ended.ExitCode is { } exitCode)
        {
            LogMessages.ExecEnded(_logger, _request.Pod, exitCode);
        }

        return ended;
    }

    private string SilenceMessage() => string.Create(
        CultureInfo.InvariantCulture,
        $"{_cluster} sent nothing on the exec in pod {UntrustedText.Show(_request.Pod)}, not even the answer to a ping, " +
        $"for {_keepAlive.SilenceLimit?.TotalSeconds:0.#} s; the connection was given up and the command's exit code is not known");

    private string MissingProgramMessage(string program)
    {
        var container = _request.Container is { } name ? $"container {UntrustedText.Show(name)} of pod" : "the container of pod";
        var kubectl = _request.Container is { } named ? $"kubectl exec {ShellWord.Quote(_request.Pod)} -c {ShellWord.Quote(named)} -- COMMAND" : $"kubectl exec {ShellWord.Quote(_request.Pod)} -- COMMAND";
        return $"{container} {UntrustedText.Show(_request.Pod)} has no {program} (a distroless image?), through which rind starts every command; " +
            $"{UntrustedText.Show(kubectl)} still runs one there, without rind's variables, folder, pre-step and signals";
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        _streams.Abort();
    }
}
