namespace Rind.Tests.Kubernetes;

/// <summary>One request the loopback server received.</summary>
internal sealed record RecordedApiRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers)
{
    public string Path => Target.Split('?', 2)[0];

    public IReadOnlyList<string> Query(string name) =>
        Target.Contains('?', StringComparison.Ordinal)
            ? Target.Split('?', 2)[1].Split('&').Select(pair => pair.Split('=', 2)).Where(pair => pair[0] == name).Select(pair => Uri.UnescapeDataString(pair[1])).ToArray()
            : [];

    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
