using Rind.Cli;
using Rind.Completion;

namespace Rind.Tests.Completion;

/// <summary>What the words typed after rind say of the last one, read as a run would read them.</summary>
public sealed class CompletionRequestParserTests
{
    [Theory]
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("--ser")]
    public void A_word_starting_with_a_dash_before_the_command_is_an_option_name(string word)
    {
        var request = CompletionRequestParser.Parse([word]);

        Assert.Equal(CompletionKind.OptionName, request.Kind);
        Assert.Equal(word, request.Word);
    }

    [Fact]
    public void An_option_name_after_other_options_keeps_those_options()
    {
        var request = CompletionRequestParser.Parse(["-v", "-s", "web", "--ver"]);

        Assert.Equal(CompletionKind.OptionName, request.Kind);
        Assert.True(request.Options.Verbose);
        Assert.Equal("web", request.Options.Service);
    }

    [Theory]
    [InlineData("-s", "service")]
    [InlineData("--service", "service")]
    [InlineData("-c", "container")]
    [InlineData("-n", "namespace")]
    [InlineData("--context", "context")]
    [InlineData("--completion", "completion")]
    [InlineData("-ts", "service")]
    [InlineData("-vTc", "container")]
    public void The_word_after_an_option_that_takes_a_value_is_its_value(string option, string longName)
    {
        var request = CompletionRequestParser.Parse([option, "we"]);

        Assert.Equal(CompletionKind.OptionValue, request.Kind);
        Assert.Equal(longName, request.Option?.LongName);
        Assert.Equal("we", request.Word);
        Assert.Equal("", request.ValueLead);
    }

    [Fact]
    public void The_flags_before_an_option_in_its_cluster_count_as_given()
    {
        var request = CompletionRequestParser.Parse(["--kube", "-Tc", ""]);

        Assert.Equal(CompletionKind.OptionValue, request.Kind);
        Assert.Equal("container", request.Option?.LongName);
        Assert.Equal((TtyMode.Never, true), (request.Options.Tty, request.Options.Kube));
    }

    [Fact]
    public void An_empty_word_after_an_option_is_its_value_about_to_be_typed()
    {
        var request = CompletionRequestParser.Parse(["-s", ""]);

        Assert.Equal(CompletionKind.OptionValue, request.Kind);
        Assert.Equal("service", request.Option?.LongName);
        Assert.Equal("", request.Word);
    }

    [Fact]
    public void A_value_after_an_equals_sign_keeps_the_option_as_its_lead()
    {
        var request = CompletionRequestParser.Parse(["--service=we"]);

        Assert.Equal(CompletionKind.OptionValue, request.Kind);
        Assert.Equal("service", request.Option?.LongName);
        Assert.Equal("--service=we", request.Word);
        Assert.Equal("--service=", request.ValueLead);
    }

    [Fact]
    public void A_value_written_into_a_short_options_word_keeps_the_option_as_its_lead()
    {
        var request = CompletionRequestParser.Parse(["-swe"]);

        Assert.Equal(CompletionKind.OptionValue, request.Kind);
        Assert.Equal("service", request.Option?.LongName);
        Assert.Equal("-swe", request.Word);
        Assert.Equal("-s", request.ValueLead);
    }

    [Theory]
    [InlineData("--verbose=x")]
    [InlineData("--bogus=x")]
    public void An_equals_sign_after_an_option_without_a_value_completes_nothing(string word)
    {
        Assert.Same(CompletionRequest.Nothing, CompletionRequestParser.Parse([word]));
    }

    [Fact]
    public void Values_of_options_are_passed_over_to_the_command_and_its_arguments()
    {
        var request = CompletionRequestParser.Parse(["-s", "web", "./manage.py", "mig"]);

        Assert.Equal(CompletionKind.CommandArgument, request.Kind);
        Assert.Equal(["./manage.py"], request.Command);
        Assert.Equal("mig", request.Word);
        Assert.Equal("web", request.Options.Service);
    }

    [Fact]
    public void A_value_that_looks_like_a_command_is_still_the_options_value()
    {
        var request = CompletionRequestParser.Parse(["--service", "ls", "-c", "box", ""]);

        Assert.Equal(CompletionKind.CommandName, request.Kind);
        Assert.Equal("ls", request.Options.Service);
        Assert.Equal("box", request.Options.Container);
        Assert.Empty(request.Command);
    }

    [Fact]
    public void The_first_word_that_is_no_option_is_the_command_name()
    {
        var request = CompletionRequestParser.Parse(["-v", "pyth"]);

        Assert.Equal(CompletionKind.CommandName, request.Kind);
        Assert.Equal("pyth", request.Word);
        Assert.Empty(request.Command);
        Assert.True(request.Options.Verbose);
    }

    [Fact]
    public void Words_after_the_command_name_are_its_arguments_even_when_they_look_like_rinds_options()
    {
        var request = CompletionRequestParser.Parse(["ls", "-s", "-"]);

        Assert.Equal(CompletionKind.CommandArgument, request.Kind);
        Assert.Equal(["ls", "-s"], request.Command);
        Assert.Equal("-", request.Word);
        Assert.Null(request.Options.Service);
    }

    [Fact]
    public void Double_dash_ends_rinds_options_so_a_dash_word_is_the_command_name()
    {
        var request = CompletionRequestParser.Parse(["-v", "--", "-x"]);

        Assert.Equal(CompletionKind.CommandName, request.Kind);
        Assert.Equal("-x", request.Word);
        Assert.Empty(request.Command);
        Assert.True(request.Options.Verbose);
    }

    [Fact]
    public void Words_after_double_dash_and_the_command_name_are_its_arguments()
    {
        var request = CompletionRequestParser.Parse(["--", "ls", "-l", ""]);

        Assert.Equal(CompletionKind.CommandArgument, request.Kind);
        Assert.Equal(["ls", "-l"], request.Command);
    }

    [Fact]
    public void The_options_before_the_command_are_parsed_as_a_run_parses_them()
    {
        var request = CompletionRequestParser.Parse(["-c", "box", "--kube", "-n", "shop", "-e", "A=1", "cat", "x"]);

        Assert.Equal(CompletionKind.CommandArgument, request.Kind);
        Assert.Equal("box", request.Options.Container);
        Assert.True(request.Options.Kube);
        Assert.Equal("shop", request.Options.Namespace);
        Assert.Equal(["A=1"], request.Options.Environment);
        Assert.Equal(["cat"], request.Command);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("-x")]
    [InlineData("-vx")]
    public void An_unknown_option_before_the_word_completes_nothing(string option)
    {
        Assert.Same(CompletionRequest.Nothing, CompletionRequestParser.Parse([option, ""]));
    }

    [Theory]
    [InlineData("-t", "-T", "")]
    [InlineData("-t", "-T", "-")]
    [InlineData("-H", "tcp://engine:2375", "--context", "remote", "")]
    [InlineData("--completion", "tcsh", "")]
    public void Options_a_run_would_refuse_complete_nothing(params string[] words)
    {
        Assert.Same(CompletionRequest.Nothing, CompletionRequestParser.Parse(words));
    }

    [Fact]
    public void No_words_complete_nothing()
    {
        Assert.Same(CompletionRequest.Nothing, CompletionRequestParser.Parse([]));
    }

    [Fact]
    public void A_new_word_at_the_start_is_the_command_name_with_no_options()
    {
        var request = CompletionRequestParser.Parse([""]);

        Assert.Equal(CompletionKind.CommandName, request.Kind);
        Assert.Equal(InvocationAction.Run, request.Options.Action);
        Assert.False(request.Options.Kube);
        Assert.Null(request.Options.Service);
    }
}
