using Rind.Diagnostics;

namespace Rind.Tests.Diagnostics;

public sealed class UntrustedTextTests
{
    [Fact]
    public void Plain_text_is_shown_as_it_is()
    {
        Assert.Equal("web-1 (service web, project shop)", UntrustedText.Show("web-1 (service web, project shop)"));
    }

    [Fact]
    public void Text_beyond_ascii_is_shown_as_it_is()
    {
        Assert.Equal("café ☕ 東京", UntrustedText.Show("café ☕ 東京"));
    }

    [Theory]
    [InlineData("\u001b]0;pwned\u0007", @"\x1b]0;pwned\x07")]
    [InlineData("\u001b[2J\u001b[31mred", @"\x1b[2J\x1b[31mred")]
    [InlineData("a\rrind: forged", @"a\rrind: forged")]
    [InlineData("one\ntwo", @"one\ntwo")]
    [InlineData("tab\there", @"tab\there")]
    [InlineData("nul\0del\u007f", @"nul\x00del\x7f")]
    public void Control_characters_are_shown_as_escapes(string value, string shown)
    {
        Assert.Equal(shown, UntrustedText.Show(value));
    }

    [Theory]
    [InlineData("\u009b31m", @"\u009b31m")]
    [InlineData("\u0085next", @"\u0085next")]
    public void C1_controls_are_shown_as_escapes(string value, string shown)
    {
        Assert.Equal(shown, UntrustedText.Show(value));
    }

    [Fact]
    public void Characters_that_reorder_the_line_are_shown_as_escapes()
    {
        Assert.Equal(@"evil\u202egnp.exe", UntrustedText.Show("evil\u202egnp.exe"));
    }

    [Fact]
    public void A_long_value_is_cut_to_the_limit()
    {
        var shown = UntrustedText.Show(new string('a', 10_000));

        Assert.Equal(new string('a', UntrustedText.MaxLength) + "…", shown);
    }

    [Fact]
    public void A_value_at_the_limit_is_not_cut()
    {
        var value = new string('a', UntrustedText.MaxLength);

        Assert.Equal(value, UntrustedText.Show(value));
    }

    [Fact]
    public void Escapes_do_not_count_against_the_limit_twice()
    {
        var shown = UntrustedText.Show("\u001b\u001b\u001b", maxLength: 2);

        Assert.Equal(@"\x1b\x1b…", shown);
    }

    [Fact]
    public void A_missing_value_is_shown_as_nothing()
    {
        Assert.Equal("", UntrustedText.Show(null));
    }

    [Fact]
    public void A_message_keeps_its_lines_but_not_their_control_characters()
    {
        var shown = UntrustedText.ShowLines("choose one:\n  \u001b[31mweb\u001b[0m\r\n  db");

        Assert.Equal("choose one:\n  \\x1b[31mweb\\x1b[0m\\r\n  db", shown);
    }
}
