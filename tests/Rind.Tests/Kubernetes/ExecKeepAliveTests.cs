using Rind.Kubernetes.Api;

namespace Rind.Tests.Kubernetes;

public sealed class ExecKeepAliveTests
{
    [Fact]
    public void By_default_pings_go_every_five_seconds_and_a_minute_of_silence_gives_the_connection_up()
    {
        var keepAlive = ExecKeepAlive.For(TimeSpan.FromSeconds(30));

        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60)), (keepAlive.PingPeriod, keepAlive.SilenceLimit));
    }

    [Fact]
    public void A_short_RIND_TIMEOUT_pings_at_least_four_times_within_the_silence_it_allows()
    {
        var keepAlive = ExecKeepAlive.For(TimeSpan.FromSeconds(2));

        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)), (keepAlive.PingPeriod, keepAlive.SilenceLimit));
    }

    [Fact]
    public void RIND_TIMEOUT_0_keeps_pinging_and_never_gives_up()
    {
        var keepAlive = ExecKeepAlive.For(Timeout.InfiniteTimeSpan);

        Assert.Equal((TimeSpan.FromSeconds(5), (TimeSpan?)null), (keepAlive.PingPeriod, keepAlive.SilenceLimit));
    }
}
