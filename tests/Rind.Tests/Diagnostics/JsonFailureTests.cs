using System.Text.Json;
using Rind.Diagnostics;
using Rind.Serialization;

namespace Rind.Tests.Diagnostics;

public sealed class JsonFailureTests
{
    [Fact]
    public void Text_that_is_not_json_is_placed_by_line_and_byte()
    {
        var exception = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("{\n nope", RindJsonContext.Default.DockerCliConfig));

        Assert.Equal("it is not the JSON rind expects (line 2, byte 2)", JsonFailure.Describe(exception));
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_placed_by_its_path()
    {
        var exception = Assert.ThrowsAny<JsonException>(
            () => JsonSerializer.Deserialize("""[{"Id":"a","Names":[7]}]""", RindJsonContext.Default.ContainerSummaryArray));

        Assert.Equal("it is not the JSON rind expects (at $[0].Names[0], line 1, byte 22)", JsonFailure.Describe(exception));
    }

    [Fact]
    public void A_path_with_control_characters_shows_them_as_escapes()
    {
        var exception = Assert.ThrowsAny<JsonException>(
            () => JsonSerializer.Deserialize("{\"Labels\":{\"\\u001b]0;x\\u0007\":7}}", RindJsonContext.Default.ContainerSummary));

        Assert.DoesNotContain('\u001b', JsonFailure.Describe(exception));
    }

    [Fact]
    public void The_parsers_own_words_are_left_out()
    {
        var exception = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("[", RindJsonContext.Default.ContainerSummaryArray));

        Assert.DoesNotContain("BytePositionInLine", JsonFailure.Describe(exception), StringComparison.Ordinal);
    }
}
