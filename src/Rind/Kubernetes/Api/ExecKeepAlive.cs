namespace Rind.Kubernetes.Api;

/// <summary>
/// How an exec's connection is kept alive, as kubectl keeps it: a ping every few seconds, so that no load
/// balancer or NAT in front of the API server drops a quiet session; and a connection on which nothing came,
/// not even the response to a ping, for <see cref="SilenceLimit"/> is taken for lost.
/// </summary>
/// <param name="SilenceLimit">How long a read of the exec's connection may wait; null for ever.</param>
internal sealed record ExecKeepAlive(TimeSpan PingPeriod, TimeSpan? SilenceLimit)
{
    /// <summary>client-go's ping period.</summary>
    private static readonly TimeSpan DefaultPingPeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Twice the time a call may take (RIND_TIMEOUT: 30 s by default, so 60 s, near client-go's 61 s), with pings at least four
    /// times within it; RIND_TIMEOUT 0 sets no limit.
    /// </summary>
    public static ExecKeepAlive For(TimeSpan callTimeout)
    {
        if (callTimeout <= TimeSpan.Zero || callTimeout == Timeout.InfiniteTimeSpan)
        {
            return new ExecKeepAlive(DefaultPingPeriod, null);
        }

        var limit = callTimeout * 2;
        return new ExecKeepAlive(TimeSpan.FromTicks(Math.Min(DefaultPingPeriod.Ticks, limit.Ticks / 4)), limit);
    }
}
