namespace Rind.Backends;

/// <summary>
/// Turns one source of places to run (labelled containers, labelled pods, dev containers) into the
/// candidate a command runs in, or says in a <see cref="RindException"/> why there is none. Blocks.
/// </summary>
internal interface ICandidateFinder
{
    Candidate Find(FindCriteria criteria);
}
