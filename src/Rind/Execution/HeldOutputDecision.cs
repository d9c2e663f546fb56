namespace Rind.Execution;

/// <summary>What to do with output held back as a possible notice of the backend's, for now.</summary>
internal enum HeldOutputDecision
{
    /// <summary>It is the command's: write it.</summary>
    Release,

    /// <summary>Not clear yet: ask the backend again.</summary>
    AskAgain,

    /// <summary>Nothing runs: the exec's end, moments away, tells whose it is.</summary>
    KeepToTheEnd,
}
