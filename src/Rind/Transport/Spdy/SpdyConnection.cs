using System.Buffers.Binary;
using System.Globalization;

namespace Rind.Transport.Spdy;

/// <summary>
/// The client end of a SPDY/3.1 connection over a stream whose upgrade is done: streams opened with their
/// headers, data sent on them, and what the server sends read as events, a data frame's payload left for the
/// caller to read into its own buffer. The server's pings are answered here.
/// One thread receives while others send; every call blocks.
/// </summary>
/// <remarks>
/// Flow control: the servers behind Kubernetes' exec (moby/spdystream) keep no windows, neither granting nor
/// honouring them, and let TCP pace both ways. rind's sends wait for window only once the server has shown it
/// keeps windows (a SETTINGS initial window or a WINDOW_UPDATE); the window it uses on what it receives is
/// granted back as it is read, through <see cref="TakeGrants"/>, which a thread other than the receiver sends.
/// </remarks>
/// <param name="abort">Breaks the connection off from any thread, ending a receive or send that waits on it.</param>
internal sealed class SpdyConnection(Stream stream, Action abort)
{
    public const int Version = 3;

    /// <summary>Each stream's window, and the session's, until the peer says otherwise (SPDY/3.1).</summary>
    public const int InitialWindow = 64 * 1024;

    /// <summary>Received data is granted back once this much of it was read.</summary>
    private const int GrantThreshold = InitialWindow / 2;

    /// <summary>Far above what an exec's peer sends in a control frame (an empty reply, a status).</summary>
    private const int MaxControlLength = 1024 * 1024;

    private const int SettingsInitialWindowSize = 7;
    private const int RefusedStream = 3;

    private readonly SpdyFrameWriter _writer = new(stream);
    private readonly SpdyHeaderDecoder _headers = new(MaxControlLength);
    private readonly FramedInput _input = new(stream, "the SPDY connection");
    private readonly byte[] _head = new byte[SpdyFrameHead.Size];
    // A Monitor, not a Lock: senders wait on it for window.
    private readonly object _windowLock = new();
    private readonly Dictionary<int, long> _sendWindows = [];
    private readonly Dictionary<int, int> _ungranted = [];
    private byte[] _control = new byte[256];
    private int _nextStreamId = 1;
    private uint _nextPingId = 1;
    private int _dataLeft;
    private bool _peerKeepsWindows;
    private long _initialSendWindow = InitialWindow;
    private long _sessionSendWindow = InitialWindow;
    private int _sessionUngranted;
    private bool _ended;

    /// <summary>Called, from the receiving thread, when grants become owed; <see cref="TakeGrants"/> then sends them.</summary>
    public Action? GrantsOwed { get; set; }

    /// <summary>Opens a stream with its headers (SYN_STREAM) and returns its id; its reply comes as an event.</summary>
    /// <exception cref="IOException">The connection is closed or broke off.</exception>
    public int OpenStream(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        int id;
        lock (_windowLock)
        {
            id = _nextStreamId;
            _nextStreamId += 2;
            _sendWindows[id] = _initialSendWindow;
        }

        _writer.SynStream(id, headers);
        return id;
    }

    /// <summary>Sends bytes on a stream, in frames that fit the peer's windows when it keeps them.</summary>
    /// <exception cref="IOException">The connection is closed or broke off.</exception>
    public void Send(int streamId, ReadOnlySpan<byte> data, int maxFrame)
    {
        while (!data.IsEmpty)
        {
            var length = Reserve(streamId, Math.Min(data.Length, maxFrame));
            _writer.Data(streamId, data[..length], fin: false);
            data = data[length..];
        }
    }

    /// <summary>Ends what rind sends on a stream: the peer reads its end.</summary>
    public void Finish(int streamId) => _writer.Data(streamId, [], fin: true);

    /// <summary>Sends a ping; the server's reply is just more that arrives.</summary>
    public void Ping()
    {
        var id = Interlocked.Add(ref _nextPingId, 2) - 2;
        _writer.Ping(id);
    }

    /// <summary>Sends the window grants owed for what was read, if the peer keeps windows; from a thread that may wait on the send.</summary>
    public void TakeGrants()
    {
        List<(int Stream, int Delta)> grants = [];
        lock (_windowLock)
        {
            if (!_peerKeepsWindows)
            {
                return;
            }

            foreach (var (id, delta) in _ungranted)
            {
                if (delta >= GrantThreshold)
                {
                    grants.Add((id, delta));
                }
            }

            foreach (var (id, _) in grants)
            {
                _ungranted[id] = 0;
            }

            if (_sessionUngranted >= GrantThreshold)
            {
                grants.Add((0, _sessionUngranted));
                _sessionUngranted = 0;
            }
        }

        foreach (var (id, delta) in grants)
        {
            _writer.WindowUpdate(id, delta);
        }
    }

    public void Abort()
    {
        lock (_windowLock)
        {
            _ended = true;
            Monitor.PulseAll(_windowLock);
        }

        abort();
    }

    /// <summary>
    /// Waits for the next event: data (its payload then read with <see cref="ReadData"/>; what is left unread is
    /// skipped), a reply, a reset, or the end. Pings, settings, window updates and headers are handled on the way.
    /// </summary>
    /// <exception cref="IOException">The connection broke off, or ended inside a frame.</exception>
    /// <exception cref="InvalidDataException">The server broke the protocol; the message says how.</exception>
    public SpdyReceived Receive()
    {
        while (_dataLeft > 0)
        {
            _dataLeft -= _input.Skip(_dataLeft);
        }

        while (true)
        {
            if (_input.AtEnd())
            {
                MarkEnded();
                return SpdyReceived.End;
            }

            _input.ReadExactly(_head);
            var head = SpdyFrameHead.Parse(_head);
            if (!head.IsControl)
            {
                _dataLeft = head.Length;
                return new SpdyReceived(SpdyReceivedKind.Data, head.StreamId, head.Length, head.IsFin, 0);
            }

            if (head.Version != Version)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the server sent a frame of SPDY version {head.Version}, not {Version}"));
            }

            if (head.Length > MaxControlLength)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the server sent a SPDY control frame of {head.Length} bytes, more than rind reads"));
            }

            if (_control.Length < head.Length)
            {
                _control = new byte[Math.Max(head.Length, _control.Length * 2)];
            }

            var payload = _control.AsSpan(0, head.Length);
            _input.ReadExactly(payload);
            if (Handle(head, payload) is { } received)
            {
                return received;
            }
        }
    }

    /// <summary>Reads a piece of the current data frame's payload; 0 once it is all read.</summary>
    public int ReadData(Span<byte> buffer)
    {
        if (_dataLeft == 0 || buffer.IsEmpty)
        {
            return 0;
        }

        var count = _input.Read(buffer[..Math.Min(buffer.Length, _dataLeft)]);
        _dataLeft -= count;
        return count;
    }

    /// <summary>Counts data of a stream as read, so that its window is granted back.</summary>
    public void Consumed(int streamId, int count)
    {
        bool owed;
        lock (_windowLock)
        {
            var ungranted = _ungranted.GetValueOrDefault(streamId) + count;
            _ungranted[streamId] = ungranted;
            _sessionUngranted += count;
            owed = _peerKeepsWindows && (ungranted >= GrantThreshold || _sessionUngranted >= GrantThreshold);
        }

        if (owed)
        {
            GrantsOwed?.Invoke();
        }
    }

    private SpdyReceived? Handle(SpdyFrameHead head, ReadOnlySpan<byte> payload)
    {
        switch (head.Type)
        {
            case SpdyFrameType.SynReply when payload.Length >= 4:
                _headers.Decode(payload[4..]);
                return new SpdyReceived(SpdyReceivedKind.Reply, StreamOf(payload), 0, head.IsFin, 0);
            case SpdyFrameType.Headers when payload.Length >= 4:
                _headers.Decode(payload[4..]);
                return head.IsFin ? new SpdyReceived(SpdyReceivedKind.Data, StreamOf(payload), 0, IsFin: true, 0) : null;
            case SpdyFrameType.SynStream when payload.Length >= 10:
                // The server opened a stream of its own: its headers keep the compression context in step, and it is refused.
                _headers.Decode(payload[10..]);
                _writer.RstStream(StreamOf(payload), RefusedStream);
                return null;
            case SpdyFrameType.RstStream when payload.Length >= 8:
                return new SpdyReceived(SpdyReceivedKind.Reset, StreamOf(payload), 0, IsFin: true, BinaryPrimitives.ReadInt32BigEndian(payload[4..]));
            case SpdyFrameType.Ping when payload.Length >= 4:
                var id = BinaryPrimitives.ReadUInt32BigEndian(payload);

                // A server's pings have even ids; an odd one answers rind's.
                if (id % 2 == 0)
                {
                    _writer.Ping(id);
                }

                return null;
            case SpdyFrameType.Settings:
                ReadSettings(payload);
                return null;
            case SpdyFrameType.WindowUpdate when payload.Length >= 8:
                Grant(StreamOf(payload), BinaryPrimitives.ReadInt32BigEndian(payload[4..]) & 0x7FFF_FFFF);
                return null;
            case SpdyFrameType.SynReply or SpdyFrameType.Headers or SpdyFrameType.SynStream or SpdyFrameType.RstStream
                or SpdyFrameType.Ping or SpdyFrameType.WindowUpdate:
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the server sent a SPDY {head.Type} frame of only {payload.Length} bytes"));
            default:
                // GOAWAY, and kinds rind does not know: the end of the connection says all that matters.
                return null;
        }
    }

    private static int StreamOf(ReadOnlySpan<byte> payload) => BinaryPrimitives.ReadInt32BigEndian(payload) & 0x7FFF_FFFF;

    private void ReadSettings(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 4)
        {
            return;
        }

        var count = BinaryPrimitives.ReadInt32BigEndian(payload);
        for (var entry = 0; entry < count && 4 + ((entry + 1) * 8) <= payload.Length; entry++)
        {
            var pair = payload.Slice(4 + (entry * 8), 8);
            if ((BinaryPrimitives.ReadInt32BigEndian(pair) & 0xFF_FFFF) == SettingsInitialWindowSize)
            {
                SetInitialWindow(BinaryPrimitives.ReadInt32BigEndian(pair[4..]) & 0x7FFF_FFFF);
            }
        }
    }

    private void SetInitialWindow(int size)
    {
        lock (_windowLock)
        {
            var change = size - _initialSendWindow;
            _initialSendWindow = size;
            foreach (var id in _sendWindows.Keys.ToArray())
            {
                _sendWindows[id] += change;
            }

            _peerKeepsWindows = true;
            Monitor.PulseAll(_windowLock);
        }
    }

    private void Grant(int streamId, int delta)
    {
        lock (_windowLock)
        {
            if (streamId == 0)
            {
                _sessionSendWindow += delta;
            }
            else if (_sendWindows.TryGetValue(streamId, out var window))
            {
                _sendWindows[streamId] = window + delta;
            }

            _peerKeepsWindows = true;
            Monitor.PulseAll(_windowLock);
        }
    }

    /// <summary>How much of <paramref name="wanted"/> may go now, taken from the windows; waits while they are closed.</summary>
    private int Reserve(int streamId, int wanted)
    {
        lock (_windowLock)
        {
            while (true)
            {
                if (!_peerKeepsWindows)
                {
                    return wanted;
                }

                var open = Math.Min(_sessionSendWindow, _sendWindows.GetValueOrDefault(streamId, _initialSendWindow));
                if (open > 0)
                {
                    var length = (int)Math.Min(open, wanted);
                    _sessionSendWindow -= length;
                    _sendWindows[streamId] = _sendWindows.GetValueOrDefault(streamId, _initialSendWindow) - length;
                    return length;
                }

                // No window will open on a connection that ended.
                if (_ended)
                {
                    throw new IOException("the SPDY connection ended");
                }

                Monitor.Wait(_windowLock);
            }
        }
    }

    private void MarkEnded()
    {
        lock (_windowLock)
        {
            _ended = true;
            Monitor.PulseAll(_windowLock);
        }
    }
}
