using Rind.Backends;
using Rind.Transport.Spdy;

namespace Rind.Kubernetes.Api;

/// <summary>
/// An exec's streams as SPDY streams of one connection, opened as kubectl opens them: error first, then stdin,
/// stdout, stderr (without a terminal) and resize (with one), each named by its streamtype header.
/// </summary>
internal sealed class SpdyExecStreams : IExecStreams
{
    /// <summary>Input goes in frames of at most this much, so that no one frame holds the others up.</summary>
    private const int MaxPayload = 32 * 1024;

    private readonly SpdyConnection _connection;
    private readonly string _protocol;
    private readonly SpdyExecStreamIds _ids;
    private readonly SpdyExecReader _reader;

    private SpdyExecStreams(SpdyConnection connection, string protocol, SpdyExecStreamIds ids)
    {
        _connection = connection;
        _protocol = protocol;
        _ids = ids;
        _reader = new SpdyExecReader(connection, ids);
    }

    public string Description => "SPDY/3.1 " + _protocol;

    /// <summary>The end of the stdin stream ends the command's input, but for the first protocol, which cannot tell it.</summary>
    public bool CanCloseInput => _ids.Stdin != 0 && _protocol != ExecStreamProtocol.V1;

    public IChunkReader Output => _reader;

    public WaitHandle Ended => _reader.Ended;

    public ExecConnectionEnd ConnectionEnd => _reader.ConnectionEnd;

    public ReadOnlySpan<byte> Status => _reader.Status;

    public bool StatusIsText => !ExecStreamProtocol.HasStatus(_protocol);

    /// <summary>Opens the streams and waits until the server accepted them.</summary>
    /// <param name="protocol">The protocol the server agreed to (see <see cref="ExecStreamProtocol"/>).</param>
    /// <exception cref="IOException">The connection ended or broke off first.</exception>
    /// <exception cref="InvalidDataException">The server broke the protocol, or refused a stream.</exception>
    public static SpdyExecStreams Open(SpdyConnection connection, string protocol, bool stdin, bool tty)
    {
        var error = Open(connection, "error");
        var ids = new SpdyExecStreamIds(
            error,
            stdin ? Open(connection, "stdin") : 0,
            Open(connection, "stdout"),
            tty ? 0 : Open(connection, "stderr"),
            tty && ExecStreamProtocol.HasResize(protocol) ? Open(connection, "resize") : 0);
        var streams = new SpdyExecStreams(connection, protocol, ids);
        streams._reader.AwaitReplies();
        return streams;
    }

    public void SendInput(ReadOnlySpan<byte> bytes) => _connection.Send(_ids.Stdin, bytes, MaxPayload);

    public void CloseInput()
    {
        if (CanCloseInput)
        {
            _connection.Finish(_ids.Stdin);
        }
    }

    /// <summary>The server reads one JSON object after another from the resize stream.</summary>
    public void SendResize(ReadOnlySpan<byte> json)
    {
        if (_ids.Resize != 0)
        {
            _connection.Send(_ids.Resize, [.. json, (byte)'\n'], MaxPayload);
        }
    }

    public void Ping() => _connection.Ping();

    public void SendOwed() => _connection.TakeGrants();

    public void NotifyWhenOwed(Action nudge) => _connection.GrantsOwed = nudge;

    public void Abort() => _connection.Abort();

    private static int Open(SpdyConnection connection, string type) => connection.OpenStream([new("streamtype", type)]);
}
