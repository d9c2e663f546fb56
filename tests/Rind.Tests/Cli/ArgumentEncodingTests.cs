using System.Text;
using Rind.Cli;

namespace Rind.Tests.Cli;

public sealed class ArgumentEncodingTests
{
    private const string Consequence = "the engine passes on only UTF-8 text, and would change it";

    [Fact]
    public void Arguments_without_a_replacement_character_are_never_read_as_bytes()
    {
        var read = false;

        ArgumentEncoding.CheckArguments(["printf", "héllo ✓"], () =>
        {
            read = true;
            return null;
        });

        Assert.False(read);
    }

    [Fact]
    public void An_argument_that_is_not_UTF8_is_refused_naming_it()
    {
        byte[][] given = [Encoding.UTF8.GetBytes("echo"), [(byte)'c', (byte)'a', (byte)'f', 0xE9]];

        var exception = Assert.Throws<RindException>(() => ArgumentEncoding.CheckArguments(Decoded(given), () => given));

        Assert.Equal($"argument 2, \"caf\\xe9\", is not valid UTF-8; {Consequence}", exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Fact]
    public void A_real_replacement_character_passes()
    {
        byte[][] given = [Encoding.UTF8.GetBytes("echo"), [0xEF, 0xBF, 0xBD]];

        ArgumentEncoding.CheckArguments(Decoded(given), () => given);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xE2, 0x9C })]
    public void Overlong_surrogate_out_of_range_and_cut_sequences_are_refused(byte[] invalid)
    {
        byte[][] given = [invalid];

        var exception = Assert.Throws<RindException>(() => ArgumentEncoding.CheckArguments(Decoded(given), () => given));

        Assert.StartsWith("argument 1, \"\\x", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_value_is_named_by_its_place_among_rinds_arguments()
    {
        byte[][] given = [Encoding.UTF8.GetBytes("-e"), [(byte)'K', (byte)'=', 0xFF], Encoding.UTF8.GetBytes("env")];

        var exception = Assert.Throws<RindException>(() => ArgumentEncoding.CheckArguments(Decoded(given), () => given));

        Assert.StartsWith("argument 2, \"K=\\xff\", is not valid UTF-8", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_of_a_refused_argument_are_shown_as_escapes()
    {
        byte[][] given = [[0x1B, (byte)'[', (byte)'2', (byte)'J', 0xFF]];

        var exception = Assert.Throws<RindException>(() => ArgumentEncoding.CheckArguments(Decoded(given), () => given));

        Assert.StartsWith("argument 1, \"\\x1b[2J\\xff\", is not", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replacement_character_whose_bytes_cannot_be_read_is_refused()
    {
        var exception = Assert.Throws<RindException>(() => ArgumentEncoding.CheckArguments(["echo", "\uFFFD"], () => null));

        Assert.Equal(
            "argument 2 holds U+FFFD, which stands for bytes that are not UTF-8, and rind cannot read the bytes it was given to tell; " +
            Consequence,
            exception.Message);
    }

    [Fact]
    public void A_variable_without_a_replacement_character_is_never_read_as_bytes()
    {
        var value = ArgumentEncoding.CheckVariable("NAME", "wörld", _ => throw new InvalidOperationException("read"));

        Assert.Equal("wörld", value);
    }

    [Fact]
    public void A_variable_for_e_KEY_that_is_not_UTF8_is_refused_naming_it()
    {
        byte[] given = [(byte)'a', 0xFF];

        var exception = Assert.Throws<RindException>(
            () => ArgumentEncoding.CheckVariable("NAME", Encoding.UTF8.GetString(given), _ => given));

        Assert.Equal($"the value of NAME for -e NAME, \"a\\xff\", is not valid UTF-8; {Consequence}", exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Fact]
    public void A_variable_with_a_real_replacement_character_passes()
    {
        var value = ArgumentEncoding.CheckVariable("NAME", "\uFFFD", _ => [0xEF, 0xBF, 0xBD]);

        Assert.Equal("\uFFFD", value);
    }

    [Fact]
    public void An_unset_variable_stays_unset()
    {
        Assert.Null(ArgumentEncoding.CheckVariable("NAME", null, _ => null));
    }

    /// <summary>The arguments as .NET hands them to Main: decoded as UTF-8, with U+FFFD for what is not.</summary>
    private static string[] Decoded(byte[][] given) => given.Select(bytes => Encoding.UTF8.GetString(bytes)).ToArray();
}
