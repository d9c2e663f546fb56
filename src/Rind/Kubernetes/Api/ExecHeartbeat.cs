namespace Rind.Kubernetes.Api;

/// <summary>
/// A thread of an exec's own that sends what keeps its connection alive: a ping each period, and at once
/// whatever the reading thread finds owed (SPDY's window grants). A send that waits on a full connection waits
/// here, never on the thread that reads.
/// </summary>
internal sealed class ExecHeartbeat : IDisposable
{
    private readonly IExecStreams _streams;
    private readonly TimeSpan _period;
    private readonly AutoResetEvent _wake = new(false);
    private volatile bool _stopped;

    public ExecHeartbeat(IExecStreams streams, TimeSpan period)
    {
        _streams = streams;
        _period = period;
        streams.NotifyWhenOwed(() => _wake.Set());
        new Thread(Run) { IsBackground = true, Name = "rind heartbeat" }.Start();
    }

    public void Dispose()
    {
        _stopped = true;
        _wake.Set();
    }

    private void Run()
    {
        var nextPing = Environment.TickCount64 + (long)_period.TotalMilliseconds;
        try
        {
            while (true)
            {
                var wait = Math.Max(0, nextPing - Environment.TickCount64);
                _wake.WaitOne(TimeSpan.FromMilliseconds(wait));
                if (_stopped)
                {
                    return;
                }

                _streams.SendOwed();
                if (Environment.TickCount64 >= nextPing)
                {
                    _streams.Ping();
                    nextPing = Environment.TickCount64 + (long)_period.TotalMilliseconds;
                }
            }
        }
        catch (IOException)
        {
            // The connection ended or broke: the thread that reads tells how.
        }
    }
}
