using System.Diagnostics;
using Rind.Platform;

namespace Rind.Tests.Platform;

public sealed class ShellWordTests
{
    [Theory]
    [InlineData("docker")]
    [InlineData("--host=unix:///run/user/1000/docker.sock")]
    [InlineData("shop-web-1")]
    [InlineData("me@build:2222,a+b%c")]
    public void A_plain_word_stays_plain(string word)
    {
        Assert.Equal(word, ShellWord.Quote(word));
    }

    [Theory]
    [InlineData("my web", "'my web'")]
    [InlineData("/run/docker.sock;touch${IFS}/tmp/x", "'/run/docker.sock;touch${IFS}/tmp/x'")]
    [InlineData("$(reboot)", "'$(reboot)'")]
    [InlineData("`id`", "'`id`'")]
    [InlineData("a|b&c>d<e", "'a|b&c>d<e'")]
    [InlineData("~root", "'~root'")]
    [InlineData("*", "'*'")]
    [InlineData("=ls", "'=ls'")]
    [InlineData("café", "'café'")]
    [InlineData("", "''")]
    public void A_word_a_shell_would_change_is_single_quoted(string word, string quoted)
    {
        Assert.Equal(quoted, ShellWord.Quote(word));
    }

    [Fact]
    public void A_single_quote_inside_a_word_is_closed_escaped_and_reopened()
    {
        Assert.Equal(@"'it'\''s'", ShellWord.Quote("it's"));
    }

    [Theory]
    [InlineData("my web")]
    [InlineData("it's; rm -rf ~")]
    [InlineData("a'b\"c\\d$e`f")]
    [InlineData("--host=unix:///run/docker.sock;touch${IFS}/tmp/x")]
    public async Task A_shell_reads_a_quoted_word_back_as_it_was(string word)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("printf '%s' " + ShellWord.Quote(word));
        using var shell = Process.Start(start)!;

        var read = await shell.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await shell.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(word, read);
    }
}
