using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class ArgumentEncodingTests
{
    private const string Consequence = "the engine passes on only UTF-8 text, and would change it";

    [Fact]
    public async Task An_argument_that_is_not_UTF8_is_refused_and_a_real_replacement_character_passes()
    {
        await using var container = await LabelledContainer.StartAsync();

        var refused = await RindBinary.RunInShellAsync("\"$RIND\" printf %s $'caf\\xe9'", TimeSpan.FromSeconds(30));
        var passed = await RindBinary.RunInShellAsync("\"$RIND\" printf %s $'\\xef\\xbf\\xbd'", TimeSpan.FromSeconds(30));

        Assert.Equal(125, refused.ExitCode);
        Assert.Equal($"rind: argument 3, \"caf\\xe9\", is not valid UTF-8; {Consequence}\n", refused.Stderr);
        Assert.Empty(refused.StdoutBytes);
        Assert.Equal(0, passed.ExitCode);
        Assert.Equal(new byte[] { 0xEF, 0xBF, 0xBD }, passed.StdoutBytes);
    }

    [Fact]
    public async Task A_value_for_e_KEY_that_is_not_UTF8_is_refused()
    {
        await using var container = await LabelledContainer.StartAsync();

        var result = await RindBinary.RunInShellAsync("NAME=$'a\\xff' \"$RIND\" -e NAME sh -c 'printf %s \"$NAME\"'", TimeSpan.FromSeconds(30));

        Assert.Equal(125, result.ExitCode);
        Assert.Equal($"rind: the value of NAME for -e NAME, \"a\\xff\", is not valid UTF-8; {Consequence}\n", result.Stderr);
        Assert.Empty(result.StdoutBytes);
    }
}
