using Rind.Tests.Fakes;
using Rind.Transport;

namespace Rind.Tests.Transport;

public sealed class CallTimeoutSettingTests
{
    [Fact]
    public void Each_call_may_take_30_seconds_without_RIND_TIMEOUT()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), CallTimeoutSetting.Read(new FakeEnvironment()));
    }

    [Theory]
    [InlineData("5", 5_000)]
    [InlineData("2.5", 2_500)]
    [InlineData(" 120 ", 120_000)]
    [InlineData("0.0001", 1)]
    public void RIND_TIMEOUT_sets_the_seconds_each_call_may_take(string value, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), CallTimeoutSetting.Read(new FakeEnvironment(("RIND_TIMEOUT", value))));
    }

    [Fact]
    public void RIND_TIMEOUT_of_0_lifts_the_limit()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, CallTimeoutSetting.Read(new FakeEnvironment(("RIND_TIMEOUT", "0"))));
    }

    [Fact]
    public void An_empty_RIND_TIMEOUT_is_as_none()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), CallTimeoutSetting.Read(new FakeEnvironment(("RIND_TIMEOUT", " "))));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1")]
    [InlineData("1e9")]
    [InlineData("99999999999")]
    public void A_RIND_TIMEOUT_that_is_not_a_number_of_seconds_is_a_one_line_error(string value)
    {
        var exception = Assert.Throws<RindException>(() => CallTimeoutSetting.Read(new FakeEnvironment(("RIND_TIMEOUT", value))));

        Assert.Equal($"RIND_TIMEOUT={value} is not a number of seconds (such as 30, or 0 for no limit)", exception.Message);
    }
}
