using Rind.Docker;

namespace Rind.Tests.Docker;

public sealed class ApiVersionTests
{
    [Theory]
    [InlineData("1.41", 1, 41)]
    [InlineData(" 1.9 ", 1, 9)]
    [InlineData("1.100", 1, 100)]
    public void Versions_are_read_as_numbers(string text, int major, int minor)
    {
        Assert.True(ApiVersion.TryParse(text, out var version));
        Assert.Equal(new ApiVersion(major, minor), version);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.41.0")]
    [InlineData("v1.41")]
    [InlineData("1.-4")]
    public void Other_text_is_not_a_version(string? text)
    {
        Assert.False(ApiVersion.TryParse(text, out _));
    }

    [Fact]
    public void Versions_compare_numerically_not_as_text()
    {
        Assert.True(new ApiVersion(1, 9).CompareTo(new ApiVersion(1, 41)) < 0);
    }

    [Fact]
    public void An_engine_older_than_rinds_newest_version_is_spoken_to_in_its_own()
    {
        Assert.Equal(new ApiVersion(1, 41), ApiVersion.Negotiate(new ApiVersion(1, 41)));
    }

    [Fact]
    public void An_engine_newer_than_rind_is_spoken_to_in_rinds_newest_version()
    {
        Assert.Equal(ApiVersion.Maximum, ApiVersion.Negotiate(new ApiVersion(1, 99)));
    }
}
