namespace Rind.Completion;

/// <summary>What the word under the cursor is, judged from the words before it.</summary>
internal enum CompletionKind
{
    /// <summary>Nothing rind can complete rightly: an unknown option, or a value no source knows.</summary>
    Nothing,

    /// <summary>One of rind's own options.</summary>
    OptionName,

    /// <summary>The value of one of rind's options.</summary>
    OptionValue,

    /// <summary>The command, the first word after rind's options.</summary>
    CommandName,

    /// <summary>A word of the command after its first.</summary>
    CommandArgument,
}
