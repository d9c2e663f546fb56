using Rind.Cli;

namespace Rind.Completion;

/// <summary>The word to complete, and what the words before it say: rind's options so far, the command so far.</summary>
/// <param name="Word">The word under the cursor as typed so far: every candidate starts with it.</param>
internal sealed record CompletionRequest(CompletionKind Kind, string Word)
{
    public static readonly CompletionRequest Nothing = new(CompletionKind.Nothing, "");

    /// <summary>rind's options before the word, parsed as a run would parse them: they choose where the command runs.</summary>
    public Invocation Options { get; init; } = InvocationParser.Parse([]);

    /// <summary>The option whose value the word is.</summary>
    public OptionSpec? Option { get; init; }

    /// <summary>What stands before the value in the word itself: <c>--service=</c>, <c>-s</c>; empty when the value is a word of its own.</summary>
    public string ValueLead { get; init; } = "";

    /// <summary>The command's words before the one under the cursor.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];
}
