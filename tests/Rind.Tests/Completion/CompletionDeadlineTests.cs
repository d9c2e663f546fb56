using Rind.Completion;
using Rind.Tests.Fakes;

namespace Rind.Tests.Completion;

/// <summary>How long a Tab may take, from RIND_COMPLETION_TIMEOUT.</summary>
public sealed class CompletionDeadlineTests
{
    [Fact]
    public void Without_the_setting_a_Tab_may_take_one_second()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), CompletionDeadline.Read(new FakeEnvironment()));
    }

    [Theory]
    [InlineData("2", 2_000)]
    [InlineData("0.2", 200)]
    [InlineData(" 1.5 ", 1_500)]
    [InlineData("60", 60_000)]
    public void The_setting_is_a_number_of_seconds_with_decimals(string setting, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Read(setting));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("soon")]
    [InlineData("0")]
    [InlineData("0.0")]
    [InlineData("-1")]
    [InlineData("1,5")]
    [InlineData("1e3")]
    [InlineData("NaN")]
    public void A_setting_that_is_no_positive_number_of_seconds_leaves_the_default(string setting)
    {
        Assert.Equal(CompletionDeadline.Default, Read(setting));
    }

    [Theory]
    [InlineData("61")]
    [InlineData("3600")]
    [InlineData("1000000000000000000000")]
    [InlineData("Infinity")]
    public void More_than_sixty_seconds_is_sixty(string setting)
    {
        Assert.Equal(TimeSpan.FromSeconds(60), Read(setting));
    }

    private static TimeSpan Read(string setting) => CompletionDeadline.Read(new FakeEnvironment((CompletionDeadline.Variable, setting)));
}
