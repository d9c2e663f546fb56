using Rind.Cli;

namespace Rind.Completion;

/// <summary>
/// Reads the words of a command line being typed, after <c>rind</c>, as <see cref="InvocationParser"/>
/// would read them once run: rind's options up to the first word that is not one of them, or up to
/// <c>--</c>, then the command. The last word is the one under the cursor, empty when a new word starts.
/// </summary>
internal static class CompletionRequestParser
{
    public static CompletionRequest Parse(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return CompletionRequest.Nothing;
        }

        var word = words[^1];
        var before = words.Count - 1;
        var index = 0;
        while (index < before)
        {
            var typed = words[index];
            if (typed == "--")
            {
                return Command(words.Take(index).ToArray(), words.Skip(index + 1).Take(before - index - 1).ToArray(), word);
            }

            if (!IsOption(typed))
            {
                return Command(words.Take(index).ToArray(), words.Skip(index).Take(before - index).ToArray(), word);
            }

            if (!Known(typed, out var needsNext))
            {
                return CompletionRequest.Nothing;
            }

            if (needsNext && index + 1 == before)
            {
                // The flags before the option in its cluster (-v of -vs) count as given.
                string[] flags = typed.Length > 2 && typed[1] != '-' ? [typed[..^1]] : [];
                return Value([.. words.Take(index), .. flags], OptionOf(typed)!, word, lead: "");
            }

            index += needsNext ? 2 : 1;
        }

        var options = words.Take(before).ToArray();
        if (word.StartsWith("--", StringComparison.Ordinal) && word.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
        {
            return InvocationParser.Options.FirstOrDefault(o => o.LongName == word[2..equals]) is { TakesValue: true } option
                ? Value(options, option, word, lead: word[..(equals + 1)])
                : CompletionRequest.Nothing;
        }

        if (word.StartsWith('-'))
        {
            // -sweb: a short option's value written into its word.
            return word.Length > 2 && word[1] != '-' && InvocationParser.Options.FirstOrDefault(o => o.ShortName == word[1]) is { TakesValue: true } shortOption
                ? Value(options, shortOption, word, lead: word[..2])
                : Parsed(options, new CompletionRequest(CompletionKind.OptionName, word));
        }

        return Parsed(options, new CompletionRequest(CompletionKind.CommandName, word));
    }

    private static bool IsOption(string word) => word.Length > 1 && word[0] == '-';

    /// <summary>Whether every option in the word is rind's, and whether the last one takes the next word as its value.</summary>
    private static bool Known(string word, out bool needsNext)
    {
        needsNext = false;
        if (word.StartsWith("--", StringComparison.Ordinal))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var option = InvocationParser.Options.FirstOrDefault(o => o.LongName == (equals < 0 ? word[2..] : word[2..equals]));
            needsNext = option is { TakesValue: true } && equals < 0;
            return option is not null;
        }

        for (var position = 1; position < word.Length; position++)
        {
            var option = InvocationParser.Options.FirstOrDefault(o => o.ShortName == word[position]);
            if (option is null)
            {
                return false;
            }

            if (option.TakesValue)
            {
                needsNext = position == word.Length - 1;
                return true;
            }
        }

        return true;
    }

    /// <summary>The option whose value the next word is: the long one named, or the last of a cluster of short ones.</summary>
    private static OptionSpec? OptionOf(string word) =>
        word.StartsWith("--", StringComparison.Ordinal)
            ? InvocationParser.Options.FirstOrDefault(o => o.LongName == word[2..])
            : InvocationParser.Options.FirstOrDefault(o => o.ShortName == word[^1]);

    private static CompletionRequest Value(IReadOnlyList<string> options, OptionSpec option, string word, string lead) =>
        Parsed(options, new CompletionRequest(CompletionKind.OptionValue, word) { Option = option, ValueLead = lead });

    private static CompletionRequest Command(IReadOnlyList<string> options, IReadOnlyList<string> command, string word) =>
        Parsed(options, new CompletionRequest(command.Count == 0 ? CompletionKind.CommandName : CompletionKind.CommandArgument, word) { Command = command });

    /// <summary>The request with rind's options as a run would take them; nothing when a run would refuse them.</summary>
    private static CompletionRequest Parsed(IReadOnlyList<string> options, CompletionRequest request)
    {
        try
        {
            return request with { Options = InvocationParser.Parse(options) };
        }
        catch (RindException)
        {
            return CompletionRequest.Nothing;
        }
    }
}
