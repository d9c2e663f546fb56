using Rind.Completion;

namespace Rind.Tests.Completion;

/// <summary>What the completion scripts read: a candidate a line, kept only when it can be typed, bounded.</summary>
public sealed class CompletionOutputTests
{
    [Fact]
    public void Only_candidates_starting_with_the_word_are_kept()
    {
        var text = CompletionOutput.Format("w", [new("web"), new("db"), new("worker"), new("Web")]);

        Assert.Equal("web\nworker\n", text);
    }

    [Fact]
    public void An_empty_word_keeps_every_candidate()
    {
        Assert.Equal("a\nb\n", CompletionOutput.Format("", [new("b"), new("a")]));
    }

    [Fact]
    public void Nothing_found_is_no_line_at_all()
    {
        Assert.Equal("", CompletionOutput.Format("x", [new("web")]));
    }

    [Fact]
    public void An_empty_value_is_dropped()
    {
        Assert.Equal("web\n", CompletionOutput.Format("", [new(""), new("web")]));
    }

    [Theory]
    [InlineData("web\nrind")]
    [InlineData("web\rx")]
    [InlineData("we\tb")]
    [InlineData("\u001b[31mweb")]
    [InlineData("web\u0000")]
    [InlineData("web\u007f")]
    [InlineData("web\u0085")]
    [InlineData("web\u009b2J")]
    [InlineData("web\u2028x")]
    [InlineData("web\u2029x")]
    public void A_value_with_a_control_character_is_dropped(string value)
    {
        Assert.Equal("ok\n", CompletionOutput.Format("", [new(value), new("ok")]));
    }

    [Fact]
    public void A_value_given_twice_is_kept_once_with_the_first_description()
    {
        var text = CompletionOutput.Format("", [new("web", "service web"), new("web", "dev container of /x"), new("web")]);

        Assert.Equal("web\tservice web\n", text);
    }

    [Fact]
    public void Candidates_are_sorted_ordinally()
    {
        var text = CompletionOutput.Format("", [new("b"), new("_"), new("a"), new("B"), new("-x"), new("é")]);

        Assert.Equal("-x\nB\n_\na\nb\né\n", text);
    }

    [Fact]
    public void At_most_MaxCandidates_are_kept_the_first_in_order()
    {
        var candidates = Enumerable.Range(0, CompletionOutput.MaxCandidates + 50).Reverse().Select(n => new CompletionCandidate($"c{n:D5}"));

        var lines = CompletionOutput.Format("c", candidates).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(CompletionOutput.MaxCandidates, lines.Length);
        Assert.Equal("c00000", lines[0]);
        Assert.Equal($"c{CompletionOutput.MaxCandidates - 1:D5}", lines[^1]);
    }

    [Fact]
    public void A_value_longer_than_MaxValueLength_is_dropped()
    {
        var longest = new string('a', CompletionOutput.MaxValueLength);
        var tooLong = new string('b', CompletionOutput.MaxValueLength + 1);

        Assert.Equal(longest + "\n", CompletionOutput.Format("", [new(longest), new(tooLong)]));
    }

    [Fact]
    public void A_description_follows_the_value_after_a_tab()
    {
        Assert.Equal("web\tservice web\n", CompletionOutput.Format("", [new("web", "service web")]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\u001b\u0007")]
    public void A_candidate_with_nothing_to_describe_it_has_no_tab(string? description)
    {
        Assert.Equal("web\n", CompletionOutput.Format("", [new("web", description)]));
    }

    [Fact]
    public void A_description_loses_its_control_characters()
    {
        var text = CompletionOutput.Format("", [new("web", "pod\tin\nshop\u001b[2J\u0085\u2028\u007f")]);

        Assert.Equal("web\tpodinshop[2J\n", text);
    }

    [Fact]
    public void A_description_of_MaxDescriptionLength_is_kept_whole()
    {
        var description = new string('d', CompletionOutput.MaxDescriptionLength);

        Assert.Equal($"web\t{description}\n", CompletionOutput.Format("", [new("web", description)]));
    }

    [Fact]
    public void A_longer_description_is_cut_to_MaxDescriptionLength_with_an_ellipsis()
    {
        var description = new string('d', CompletionOutput.MaxDescriptionLength + 20);

        var shown = CompletionOutput.Format("", [new("web", description)]).TrimEnd('\n').Split('\t')[1];

        Assert.Equal(CompletionOutput.MaxDescriptionLength, shown.Length);
        Assert.Equal(new string('d', CompletionOutput.MaxDescriptionLength - 1) + "…", shown);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var description = new string('d', CompletionOutput.MaxDescriptionLength - 2) + "\U0001F600" + "more words";

        var shown = CompletionOutput.Format("", [new("web", description)]).TrimEnd('\n').Split('\t')[1];

        Assert.Equal(new string('d', CompletionOutput.MaxDescriptionLength - 2) + "…", shown);
        Assert.DoesNotContain(shown, char.IsSurrogate);
    }

    [Fact]
    public void A_surrogate_pair_that_fits_before_the_cut_is_kept()
    {
        var description = new string('d', CompletionOutput.MaxDescriptionLength - 3) + "\U0001F600" + "more words";

        var shown = CompletionOutput.Format("", [new("web", description)]).TrimEnd('\n').Split('\t')[1];

        Assert.Equal(new string('d', CompletionOutput.MaxDescriptionLength - 3) + "\U0001F600…", shown);
    }
}
