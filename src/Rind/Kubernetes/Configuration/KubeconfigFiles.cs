using Rind.Platform;

namespace Rind.Kubernetes.Configuration;

/// <summary>
/// The kubeconfig files to read, in order of precedence: those KUBECONFIG names (separated by ':', empty
/// entries and repeats left out, relative ones taken from the current folder), else ~/.kube/config.
/// </summary>
/// <param name="Paths">Absolute paths; some may not exist, which kubectl passes over.</param>
/// <param name="FromVariable">Whether KUBECONFIG named them.</param>
internal sealed record KubeconfigFiles(IReadOnlyList<string> Paths, bool FromVariable)
{
    public const string Variable = "KUBECONFIG";

    public static KubeconfigFiles Locate(IEnvironment environment)
    {
        var variable = environment.GetVariable(Variable);
        if (!string.IsNullOrEmpty(variable))
        {
            var paths = variable
                .Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Select(path => Absolute(path, environment.CurrentDirectory))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return new KubeconfigFiles(paths, FromVariable: true);
        }

        var home = environment.GetVariable("HOME");
        return new KubeconfigFiles(string.IsNullOrEmpty(home) ? [] : [Path.Combine(home, ".kube", "config")], FromVariable: false);
    }

    private static string Absolute(string path, string? currentDirectory) =>
        Path.IsPathRooted(path) || currentDirectory is null ? Path.GetFullPath(path) : Path.GetFullPath(path, currentDirectory);
}
