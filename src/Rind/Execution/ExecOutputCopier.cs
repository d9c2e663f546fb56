using System.Diagnostics;
using System.Text;
using Rind.Backends;
using Rind.Platform;

namespace Rind.Execution;

/// <summary>
/// Copies a command's output to rind's stdout and stderr as it arrives. The one exception: a chunk
/// of output that opens with one of the backend's notices is held back, with what belongs to it, until
/// it is clear whose it is: other output follows, the backend shows the command runs, the hold has
/// lasted as long or grown as large as <see cref="NoticeHold"/> allows, or the exec's end tells.
/// </summary>
/// <remarks>
/// Notices arrive in writes of their own, so they open a chunk. While output is held, a thread of its
/// own asks the backend about the exec, so that a command that goes quiet after such a line still has
/// it written. Every write happens under one lock, in the order the output arrived.
/// </remarks>
/// <param name="askBackend">What the backend says of the exec now; null when it did not answer.</param>
/// <param name="notices">What the backend may write into the output; null where it writes nothing, and nothing is held.</param>
internal sealed class ExecOutputCopier(IStandardStreams streams, Func<ExecState?> askBackend, IOutputNotices? notices)
{
    private const int BufferSize = 64 * 1024;

    /// <summary>How long the thread watching a hold waits before it asks the engine again.</summary>
    private static readonly TimeSpan AskInterval = TimeSpan.FromMilliseconds(50);

    private readonly Lock _lock = new();
    private readonly List<(StreamKind Kind, byte[] Bytes)> _held = [];
    private int _heldBytes;
    private long _holdStarted;

    /// <summary>Counts the holds begun, so that the thread watching one knows when it has ended.</summary>
    private int _holds;

    private bool _outputEnded;

    /// <summary>The first of the last chunks of output, when they were held back as a possible notice of the backend's.</summary>
    public string? HeldNotice
    {
        get
        {
            lock (_lock)
            {
                return _held.Count == 0 ? null : Encoding.UTF8.GetString(_held[0].Bytes);
            }
        }
    }

    /// <summary>Why writing to rind's stdout failed, once it has.</summary>
    public IOException? StdoutFailure { get; private set; }

    /// <summary>Copies until the output ends, blocking on every read and write.</summary>
    /// <returns>false when writing to rind's stdout failed before the output ended.</returns>
    /// <exception cref="RindException">The output broke off; the reader says why, in its backend's words.</exception>
    public bool Copy(IChunkReader reader)
    {
        var buffer = new byte[BufferSize];
        while (true)
        {
            OutputChunk chunk;
            try
            {
                chunk = reader.Read(buffer);
            }
            catch
            {
                lock (_lock)
                {
                    _outputEnded = true;
                }

                throw;
            }

            lock (_lock)
            {
                if (StdoutFailure is not null)
                {
                    // Writing held output failed on the thread that watched the hold.
                    _outputEnded = true;
                    return false;
                }

                if (chunk.IsEnd)
                {
                    _outputEnded = true;
                    return true;
                }

                if (!Take(chunk.Kind, buffer.AsSpan(0, chunk.Length)))
                {
                    _outputEnded = true;
                    return false;
                }
            }
        }
    }

    /// <summary>Writes held-back output after all, once it proved to be the command's own.</summary>
    /// <returns>false when writing to rind's stdout failed.</returns>
    public bool ReleaseHeld()
    {
        lock (_lock)
        {
            return ReleaseHeldLocked();
        }
    }

    /// <summary>Holds a chunk of output back or writes it, under the lock.</summary>
    /// <returns>false when writing to rind's stdout failed.</returns>
    private bool Take(StreamKind kind, ReadOnlySpan<byte> bytes)
    {
        if (_held.Count > 0 && notices!.MayContinueWith(bytes) && _heldBytes + bytes.Length <= NoticeHold.MaxBytes)
        {
            Hold(kind, bytes);
            return true;
        }

        if (!ReleaseHeldLocked())
        {
            return false;
        }

        if (notices is not null && bytes.Length <= NoticeHold.MaxBytes && notices.MayOpenWith(kind, bytes))
        {
            Hold(kind, bytes);
            _holdStarted = Stopwatch.GetTimestamp();
            var hold = ++_holds;
            new Thread(() => WatchHold(hold)) { IsBackground = true, Name = "held output" }.Start();
            return true;
        }

        return Write(kind, bytes);
    }

    private void Hold(StreamKind kind, ReadOnlySpan<byte> bytes)
    {
        _held.Add((kind, bytes.ToArray()));
        _heldBytes += bytes.Length;
    }

    /// <summary>Asks the backend about the exec until the hold ends one way or another.</summary>
    private void WatchHold(int hold)
    {
        while (true)
        {
            var exec = askBackend();
            lock (_lock)
            {
                if (hold != _holds || _held.Count == 0 || _outputEnded)
                {
                    return;
                }

                switch (NoticeHold.Decide(Stopwatch.GetElapsedTime(_holdStarted), exec))
                {
                    case HeldOutputDecision.Release:
                        ReleaseHeldLocked();
                        return;
                    case HeldOutputDecision.KeepToTheEnd:
                        return;
                }
            }

            Thread.Sleep(AskInterval);
        }
    }

    private bool ReleaseHeldLocked()
    {
        var held = _held.ToArray();
        _held.Clear();
        _heldBytes = 0;
        foreach (var (kind, bytes) in held)
        {
            if (!Write(kind, bytes))
            {
                return false;
            }
        }

        return true;
    }

    private bool Write(StreamKind kind, ReadOnlySpan<byte> bytes)
    {
        if (kind is StreamKind.Stderr or StreamKind.SystemError)
        {
            try
            {
                streams.Error.Write(bytes);
            }
            catch (IOException)
            {
                // Nobody reads rind's stderr any more; the command's stdout still matters.
            }

            return true;
        }

        try
        {
            streams.Output.Write(bytes);
            return true;
        }
        catch (IOException failure)
        {
            StdoutFailure = failure;
            return false;
        }
    }
}
