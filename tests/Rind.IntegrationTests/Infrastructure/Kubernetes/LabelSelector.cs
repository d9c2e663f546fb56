namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// A label selector as the API server reads <c>labelSelector</c>: requirements separated by commas,
/// each <c>key</c>, <c>!key</c>, <c>key=value</c>, <c>key==value</c>, <c>key!=value</c>,
/// <c>key in (a,b)</c> or <c>key notin (a,b)</c>; all must hold.
/// </summary>
internal sealed class LabelSelector
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> _requirements;

    private LabelSelector(IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    /// <exception cref="FormatException">With the API server's wording for a selector it cannot read.</exception>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        return new LabelSelector([.. SplitRequirements(text).Select(ParseRequirement)]);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(requirement => requirement(labels));

    // Commas separate requirements, except inside the parentheses of a set.
    private static IEnumerable<string> SplitRequirements(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }

        yield return text[start..].Trim();
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string requirement)
    {
        if (requirement.StartsWith('!'))
        {
            var key = Key(requirement[1..].Trim(), requirement);
            return labels => !labels.ContainsKey(key);
        }

        var words = requirement.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 2 && (words[1].StartsWith("in ", StringComparison.Ordinal) || words[1].StartsWith("notin ", StringComparison.Ordinal)))
        {
            var key = Key(words[0], requirement);
            var negated = words[1].StartsWith("notin", StringComparison.Ordinal);
            var set = words[1][(negated ? 5 : 2)..].Trim();
            if (!set.StartsWith('(') || !set.EndsWith(')'))
            {
                throw Unreadable(requirement);
            }

            var values = set[1..^1].Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            return negated
                ? labels => !labels.TryGetValue(key, out var value) || !values.Contains(value)
                : labels => labels.TryGetValue(key, out var value) && values.Contains(value);
        }

        foreach (var (operation, negated) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = requirement.IndexOf(operation, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var key = Key(requirement[..at].Trim(), requirement);
            var expected = requirement[(at + operation.Length)..].Trim();
            return negated
                ? labels => !labels.TryGetValue(key, out var value) || value != expected
                : labels => labels.TryGetValue(key, out var value) && value == expected;
        }

        var existing = Key(requirement, requirement);
        return labels => labels.ContainsKey(existing);
    }

    private static string Key(string key, string requirement) =>
        key.Length == 0 || key.Any(character => char.IsWhiteSpace(character) || "()!=,".Contains(character, StringComparison.Ordinal))
            ? throw Unreadable(requirement)
            : key;

    private static FormatException Unreadable(string requirement) =>
        new($"unable to parse requirement: found '{requirement}', expected: identifier");
}
