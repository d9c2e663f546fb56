using System.Text;

namespace Rind.Completion;

/// <summary>
/// What the completion scripts read: a candidate a line, its description after a tab. Candidates come
/// from engines, clusters and containers, so they are bounded, and only those that start with the
/// word and hold no control character (which could not be typed, and would act on the terminal) are
/// kept; a description is cut short and loses its control characters.
/// </summary>
internal static class CompletionOutput
{
    /// <summary>More than anyone reads through at a prompt; the shells ask before they show a hundred.</summary>
    public const int MaxCandidates = 2000;

    public const int MaxValueLength = 1024;

    public const int MaxDescriptionLength = 80;

    public static string Format(string word, IEnumerable<CompletionCandidate> candidates)
    {
        var text = new StringBuilder();
        var kept = candidates
            .Where(candidate => candidate.Value.Length is > 0 and <= MaxValueLength && candidate.Value.StartsWith(word, StringComparison.Ordinal) && !candidate.Value.Any(IsControl))
            .DistinctBy(candidate => candidate.Value, StringComparer.Ordinal)
            .Order(Comparer<CompletionCandidate>.Create((a, b) => string.CompareOrdinal(a.Value, b.Value)))
            .Take(MaxCandidates);
        foreach (var candidate in kept)
        {
            text.Append(candidate.Value);
            if (Shown(candidate.Description) is { Length: > 0 } description)
            {
                text.Append('\t').Append(description);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Shown(string? description)
    {
        if (description is null)
        {
            return "";
        }

        var cleaned = new string([.. description.Where(c => !IsControl(c))]).Trim();
        if (cleaned.Length <= MaxDescriptionLength)
        {
            return cleaned;
        }

        var cut = char.IsHighSurrogate(cleaned[MaxDescriptionLength - 2]) ? MaxDescriptionLength - 2 : MaxDescriptionLength - 1;
        return cleaned[..cut] + "…";
    }

    /// <summary>C0, DEL and C1 characters, and the line and paragraph separators some terminals break lines at.</summary>
    private static bool IsControl(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
