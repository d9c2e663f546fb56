namespace Rind.Backends;

/// <summary>
/// Turns one source of places to run (labelled containers, labelled pods, dev containers) into the
/// candidate a command runs in, or says in a <see cref="RindException"/> why there is none. Blocks.
/// </summary>
internal interface ICandidateFinder
{
    Candidate Find(FindCriteria criteria);

    /// <summary>
    /// The names of <paramref name="kind"/> that would find a candidate now, for completion; empty where
    /// this source has none of that kind. Blocks.
    /// </summary>
    IReadOnlyList<NamedChoice> Choices(ChoiceKind kind);
}
