namespace Rind.Execution;

/// <summary>
/// Whether one absolute path lies inside a folder, by whole path segments.
/// </summary>
internal static class PathRelation
{
    /// <returns>The part of <paramref name="path"/> below <paramref name="folder"/> ("" for the folder itself), or null when it is outside.</returns>
    public static string? RelativeInside(string path, string folder)
    {
        var normalizedFolder = folder.Length > 1 ? folder.TrimEnd('/') : folder;
        var normalizedPath = path.Length > 1 ? path.TrimEnd('/') : path;
        if (normalizedPath == normalizedFolder)
        {
            return "";
        }

        var prefix = normalizedFolder == "/" ? "/" : normalizedFolder + "/";
        return normalizedPath.StartsWith(prefix, StringComparison.Ordinal) ? normalizedPath[prefix.Length..] : null;
    }
}
