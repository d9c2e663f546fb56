using Rind.Backends;

namespace Rind.Execution;

/// <summary>
/// Finds where the current directory appears inside the container: the same place below the
/// destination of the folder mapping whose source holds it (the deepest source, when they nest).
/// </summary>
internal static class WorkingDirectoryMapper
{
    /// <returns>The folder in the container, or null when no mapped folder holds the current directory.</returns>
    public static string? Map(string? currentDirectory, IReadOnlyList<FolderMapping> folders)
    {
        if (currentDirectory is null)
        {
            return null;
        }

        string? mapped = null;
        var deepest = -1;
        foreach (var mount in folders)
        {
            if (mount.Source.Length <= deepest || PathRelation.RelativeInside(currentDirectory, mount.Source) is not { } relative)
            {
                continue;
            }

            mapped = relative.Length == 0 ? mount.Destination : mount.Destination.TrimEnd('/') + "/" + relative;
            deepest = mount.Source.Length;
        }

        return mapped;
    }
}
