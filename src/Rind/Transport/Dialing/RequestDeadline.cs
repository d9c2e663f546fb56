using System.Diagnostics;

namespace Rind.Transport.Dialing;

/// <summary>
/// The time a server has to answer one request, from dialling to the end of its response. Blocking
/// reads have no deadline of their own, so when it passes the connection is aborted, which ends
/// whatever read or write waits on it.
/// </summary>
internal sealed class RequestDeadline : IDisposable
{
    private readonly CancellationTokenSource? _expiry;
    private readonly long _start = Stopwatch.GetTimestamp();

    /// <param name="limit">How long the response may take; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    public RequestDeadline(TimeSpan limit)
    {
        Limit = limit;
        _expiry = limit == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(limit);
    }

    public TimeSpan Limit { get; }

    public bool HasPassed => _expiry?.IsCancellationRequested == true;

    /// <summary>The time left, at least a millisecond; <see cref="Timeout.InfiniteTimeSpan"/> when there is no limit.</summary>
    public TimeSpan Remaining =>
        _expiry is null
            ? Timeout.InfiniteTimeSpan
            : TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (Limit - Stopwatch.GetElapsedTime(_start)).Ticks));

    /// <summary>Calls <paramref name="abort"/> if the deadline passes before the result is disposed.</summary>
    public IDisposable OnExpiry(Action abort) =>
        _expiry is null ? NoRegistration.Instance : _expiry.Token.Register(abort);

    public void Dispose() => _expiry?.Dispose();

    private sealed class NoRegistration : IDisposable
    {
        public static readonly NoRegistration Instance = new();

        public void Dispose()
        {
        }
    }
}
