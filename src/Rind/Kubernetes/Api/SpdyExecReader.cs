using Rind.Backends;
using Rind.Transport.Dialing;
using Rind.Transport.Spdy;

namespace Rind.Kubernetes.Api;

/// <summary>
/// The output of an exec over SPDY: stdout and stderr handed out as they come, the error stream's Status kept
/// for the end. Its end comes once all three ended, as the server sends the Status only after the command's
/// output; or once the connection ended. Reads block on the caller's thread.
/// </summary>
internal sealed class SpdyExecReader(SpdyConnection connection, SpdyExecStreamIds streams) : IChunkReader
{
    /// <summary>A Status is a few hundred bytes; more is not a status.</summary>
    private const int MaxStatusLength = 64 * 1024;

    private readonly MemoryStream _status = new();
    private readonly ManualResetEventSlim _ended = new();
    private bool _stdoutOpen = streams.Stdout != 0;
    private bool _stderrOpen = streams.Stderr != 0;
    private bool _errorOpen = true;
    private bool _closed;
    private int _replies;
    private int _current;
    private int _currentLeft;
    private bool _currentFin;

    /// <summary>Set once the error stream ended, or the connection ended or broke.</summary>
    public WaitHandle Ended => _ended.WaitHandle;

    public ExecConnectionEnd ConnectionEnd { get; private set; }

    /// <summary>What the error stream carried; empty while none came.</summary>
    public ReadOnlySpan<byte> Status => _status.GetBuffer().AsSpan(0, (int)_status.Length);

    /// <summary>
    /// Reads until the server accepted every stream, or its output began; what it sent on the way is kept for
    /// <see cref="Read"/>.
    /// </summary>
    /// <exception cref="IOException">The connection ended or broke off before.</exception>
    /// <exception cref="InvalidDataException">The server broke the protocol, or refused a stream.</exception>
    public void AwaitReplies()
    {
        while (_replies < streams.Count && _currentLeft == 0)
        {
            var reset = Next();
            if (reset is { } status)
            {
                throw new InvalidDataException($"the server refused one of the exec's streams (SPDY status {status})");
            }

            if (_closed)
            {
                throw new IOException("the connection ended before the server accepted the exec's streams");
            }
        }
    }

    public OutputChunk Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            throw new ArgumentException("The buffer must have room for at least one byte.", nameof(buffer));
        }

        while (true)
        {
            if (_currentLeft > 0)
            {
                int count;
                try
                {
                    count = connection.ReadData(buffer[..Math.Min(buffer.Length, _currentLeft)]);
                }
                catch (Exception exception) when (exception is IOException or InvalidDataException)
                {
                    Broke(exception);
                    throw;
                }

                _currentLeft -= count;
                connection.Consumed(_current, count);
                var kind = _current == streams.Stderr ? StreamKind.Stderr : StreamKind.Stdout;
                if (_currentLeft == 0 && _currentFin)
                {
                    Finished(_current);
                }

                return new OutputChunk(kind, count);
            }

            if (_closed || (!_stdoutOpen && !_stderrOpen && !_errorOpen))
            {
                return new OutputChunk(StreamKind.Stdout, 0);
            }

            Next();
        }
    }

    /// <summary>Handles the connection's next event; returns a reset's status.</summary>
    private int? Next()
    {
        try
        {
            return Handle();
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            Broke(exception);
            throw;
        }
    }

    /// <summary>Ends the output for a failed read; the process that reads says it in the cluster's words.</summary>
    private void Broke(Exception exception)
    {
        _closed = true;
        ConnectionEnd = ReceiveTimeout.IsCause(exception) ? ExecConnectionEnd.Silent : ExecConnectionEnd.Broken;
        _ended.Set();
    }

    private int? Handle()
    {
        var received = connection.Receive();
        switch (received.Kind)
        {
            case SpdyReceivedKind.End:
                _closed = true;
                _ended.Set();
                return null;
            case SpdyReceivedKind.Reply:
                _replies++;
                if (received.IsFin)
                {
                    Finished(received.StreamId);
                }

                return null;
            case SpdyReceivedKind.Reset:
                Finished(received.StreamId);
                return received.Status;
            case SpdyReceivedKind.Data when received.StreamId == streams.Error:
                ReadStatus(received.Length);
                if (received.IsFin)
                {
                    Finished(received.StreamId);
                }

                return null;
            case SpdyReceivedKind.Data when received.StreamId == streams.Stdout || received.StreamId == streams.Stderr:
                _current = received.StreamId;
                _currentLeft = received.Length;
                _currentFin = received.IsFin;
                if (received.Length == 0 && received.IsFin)
                {
                    Finished(received.StreamId);
                }

                return null;
            default:
                // Data on another stream (the server ends stdin's too): skipped, its window granted back.
                connection.Consumed(received.StreamId, received.Length);
                return null;
        }
    }

    private void ReadStatus(int length)
    {
        if (_status.Length + length > MaxStatusLength)
        {
            throw new IOException("the exec's error stream carried more than a status can be");
        }

        var piece = new byte[length];
        var read = 0;
        while (read < length)
        {
            read += connection.ReadData(piece.AsSpan(read));
        }

        _status.Write(piece);
        connection.Consumed(streams.Error, length);
    }

    private void Finished(int streamId)
    {
        if (streamId == streams.Stdout)
        {
            _stdoutOpen = false;
        }
        else if (streamId == streams.Stderr)
        {
            _stderrOpen = false;
        }
        else if (streamId == streams.Error)
        {
            _errorOpen = false;
            _ended.Set();
        }
    }
}
