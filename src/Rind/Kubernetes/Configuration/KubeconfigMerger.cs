namespace Rind.Kubernetes.Configuration;

/// <summary>
/// Merges kubeconfig files as kubectl does: a cluster, context or user comes whole from the first file that
/// names it, and current-context from the first file that sets it.
/// </summary>
internal static class KubeconfigMerger
{
    public static Kubeconfig Merge(IReadOnlyList<Kubeconfig> files) => new()
    {
        CurrentContext = files.Select(file => file.CurrentContext).FirstOrDefault(name => !string.IsNullOrEmpty(name)),
        Clusters = FirstWins(files.Select(file => file.Clusters)),
        Contexts = FirstWins(files.Select(file => file.Contexts)),
        Users = FirstWins(files.Select(file => file.Users)),
    };

    private static Dictionary<string, T> FirstWins<T>(IEnumerable<IReadOnlyDictionary<string, T>> entriesByFile)
    {
        var merged = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entries in entriesByFile)
        {
            foreach (var (name, entry) in entries)
            {
                merged.TryAdd(name, entry);
            }
        }

        return merged;
    }
}
