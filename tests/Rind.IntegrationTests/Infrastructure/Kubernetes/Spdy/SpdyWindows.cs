namespace Rind.IntegrationTests.Infrastructure.Kubernetes.Spdy;

/// <summary>
/// The peer's SPDY/3.1 receive windows, as a sender that keeps them sees them: one per stream and
/// one for the session; data may go out only as far as both allow.
/// </summary>
internal sealed class SpdyWindows
{
    public const int Initial = 64 * 1024;

    private readonly object _lock = new();
    private readonly Dictionary<uint, long> _streams = [];
    private long _initial = Initial;
    private long _session = Initial;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>WINDOW_UPDATE: stream 0 is the session.</summary>
    public void Grow(uint streamId, long delta)
    {
        lock (_lock)
        {
            if (streamId == 0)
            {
                _session += delta;
            }
            else
            {
                _streams[streamId] = Stream(streamId) + delta;
            }

            Signal();
        }
    }

    /// <summary>SETTINGS' initial window size: every stream's window moves by the difference.</summary>
    public void SetInitial(long size)
    {
        lock (_lock)
        {
            var delta = size - _initial;
            _initial = size;
            foreach (var id in _streams.Keys.ToList())
            {
                _streams[id] += delta;
            }

            Signal();
        }
    }

    /// <summary>Waits until both windows are open, and takes up to <paramref name="wanted"/> bytes of them.</summary>
    public async Task<int> TakeAsync(uint streamId, int wanted, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                var open = Math.Min(wanted, Math.Min(Stream(streamId), _session));
                if (open > 0)
                {
                    _streams[streamId] = Stream(streamId) - open;
                    _session -= open;
                    return (int)open;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    private long Stream(uint streamId) => _streams.TryGetValue(streamId, out var window) ? window : _initial;

    private void Signal()
    {
        _changed.TrySetResult();
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
