namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// A field selector for pods as the API server reads <c>fieldSelector</c>: <c>field=value</c>,
/// <c>field==value</c> or <c>field!=value</c>, separated by commas, over the fields it indexes for pods
/// that the fake has.
/// </summary>
internal sealed class FieldSelector
{
    private static readonly IReadOnlyDictionary<string, Func<FakePod, string>> Fields = new Dictionary<string, Func<FakePod, string>>
    {
        ["metadata.name"] = pod => pod.Name,
        ["metadata.namespace"] = pod => pod.Namespace,
        ["status.phase"] = pod => pod.Phase,
        ["spec.nodeName"] = pod => FakePod.NodeName,
    };

    private readonly IReadOnlyList<Func<FakePod, bool>> _requirements;

    private FieldSelector(IReadOnlyList<Func<FakePod, bool>> requirements) => _requirements = requirements;

    /// <exception cref="FormatException">With the API server's wording for a selector it cannot read or a field it does not index.</exception>
    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new FieldSelector([]);
        }

        return new FieldSelector([.. text.Split(',', StringSplitOptions.TrimEntries).Select(ParseRequirement)]);
    }

    public bool Matches(FakePod pod) => _requirements.All(requirement => requirement(pod));

    private static Func<FakePod, bool> ParseRequirement(string requirement)
    {
        foreach (var (operation, negated) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = requirement.IndexOf(operation, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var field = requirement[..at];
            var expected = requirement[(at + operation.Length)..];
            if (!Fields.TryGetValue(field, out var read))
            {
                throw new FormatException($"field label not supported: {field}");
            }

            return negated ? pod => read(pod) != expected : pod => read(pod) == expected;
        }

        throw new FormatException($"invalid selector: '{requirement}'; can't understand '{requirement}'");
    }
}
