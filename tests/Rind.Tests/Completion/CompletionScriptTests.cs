using Rind.Completion;
using Rind.Tests.Processes;

namespace Rind.Tests.Completion;

/// <summary>The script each shell is given, parsed by that shell itself.</summary>
public sealed class CompletionScriptTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rind-completion-script-");

    public static TheoryData<string, string[]> Checks() => new()
    {
        { "bash", ["bash", "-n"] },
        { "zsh", ["zsh", "-n"] },
        { "fish", ["fish", "--no-execute"] },
    };

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("bash", "\ncomplete -F _rind_completion rind\n")]
    [InlineData("zsh", "compdef _rind rind\n")]
    [InlineData("fish", "\ncomplete -c rind -f -a '(__rind_complete)'\n")]
    public void Each_shells_script_asks_rind_to_complete_the_words_of_rind(string shell, string registration)
    {
        var script = CompletionScript.For(shell);

        Assert.Contains("command rind --complete ", script, StringComparison.Ordinal);
        Assert.Contains(registration, script, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shell_without_a_script_is_an_error()
    {
        Assert.Throws<InvalidOperationException>(() => CompletionScript.For("tcsh"));
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Checks))]
    public async Task Each_shells_script_parses_in_that_shell(string shell, string[] check)
    {
        var file = Path.Combine(_folder.FullName, $"rind.{shell}");
        await File.WriteAllTextAsync(file, CompletionScript.For(shell));
        var result = await ChildProcess.RunAsync(check[0], [.. check.Skip(1), file]);

        Assert.Equal(new ProcessOutcome(0, "", ""), result);
    }
}
