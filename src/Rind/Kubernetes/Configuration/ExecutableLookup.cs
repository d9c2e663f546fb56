namespace Rind.Kubernetes.Configuration;

/// <summary>
/// Finds a plugin's program as kubectl does: a path as it is, a bare name in PATH's absolute folders only.
/// Not Process's own search, which also looks in rind's folder and the current one: a file named like the
/// plugin in a checked-out project must not run in its place.
/// </summary>
internal static class ExecutableLookup
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <returns>The program's path, or null when PATH has no executable file of that name.</returns>
    public static string? Find(string command, string? searchPath)
    {
        if (command.Contains('/', StringComparison.Ordinal))
        {
            return command;
        }

        foreach (var folder in (searchPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Path.IsPathRooted(folder))
            {
                continue;
            }

            var candidate = Path.Combine(folder, command);
            if (IsExecutableFile(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutableFile(string path)
    {
        try
        {
            return File.Exists(path) && (File.GetUnixFileMode(path) & AnyExecute) != 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
