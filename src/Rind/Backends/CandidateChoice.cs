namespace Rind.Backends;

/// <summary>
/// The one way every finder says that several candidates are left: what they are, then one line each
/// with what it is and the rind command that picks it, ordered so that the list reads the same every time.
/// </summary>
internal static class CandidateChoice
{
    /// <param name="subject">What is left, in the finder's words: "2 running pods carry the label app.rind in namespace shop".</param>
    /// <param name="choices">Each candidate as shown, and the command that picks it.</param>
    public static RindException Ambiguous(string subject, IEnumerable<(string Shown, string Pick)> choices) =>
        new($"{subject}; choose one:\n" + string.Join('\n', choices.Select(choice => $"  {choice.Shown}: {choice.Pick}")));
}
