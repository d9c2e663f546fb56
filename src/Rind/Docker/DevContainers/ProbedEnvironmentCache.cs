using System.Text;
using Rind.Platform;

namespace Rind.Docker.DevContainers;

/// <summary>
/// The probed environments of dev containers, kept on the host so that only the first command after a
/// container starts pays for the probe: one file a container, in $XDG_CACHE_HOME/rind/devcontainers
/// (else ~/.cache/rind/devcontainers), that holds for as long as the container, its start, the user
/// and the kind of probe stay the same. Nothing is written into the container.
/// </summary>
internal sealed class ProbedEnvironmentCache(IEnvironment environment)
{
    /// <summary>A file larger than this was not written by rind, and is not read.</summary>
    private const int MaxLength = 1024 * 1024;

    /// <summary>The folder of the files; null where neither XDG_CACHE_HOME nor HOME is set.</summary>
    public string? Folder =>
        environment.GetSetting("XDG_CACHE_HOME") is { } cache && cache.StartsWith('/')
            ? Path.Combine(cache, "rind", "devcontainers")
            : environment.GetSetting("HOME") is { } home && home.StartsWith('/') ? Path.Combine(home, ".cache", "rind", "devcontainers") : null;

    /// <param name="key">What must not have changed since the probe: the container's start, the user, the probe.</param>
    public IReadOnlyList<string>? Read(string containerId, string key)
    {
        if (PathOf(containerId) is not { } path)
        {
            return null;
        }

        try
        {
            if (SmallFile.ReadOrNull(path, MaxLength) is not { } bytes)
            {
                return null;
            }

            var fields = Encoding.UTF8.GetString(bytes).Split('\0');
            return fields.Length > 1 && fields[0] == key ? fields[1..^1] : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <returns>Why it could not be kept; null when it was.</returns>
    public string? Write(string containerId, string key, IReadOnlyList<string> variables)
    {
        if (PathOf(containerId) is not { } path)
        {
            return "neither XDG_CACHE_HOME nor HOME is set";
        }

        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var content = new StringBuilder(key).Append('\0');
            foreach (var variable in variables)
            {
                content.Append(variable).Append('\0');
            }

            using (var file = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            {
                file.Write(Encoding.UTF8.GetBytes(content.ToString()));
            }

            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            return exception.Message;
        }
    }

    /// <summary>The file of a container, named by its id, which the engine makes of hexadecimal digits alone.</summary>
    private string? PathOf(string containerId) =>
        Folder is { } folder && containerId.Length is > 0 and <= 128 && containerId.All(char.IsAsciiHexDigit)
            ? Path.Combine(folder, containerId + ".env")
            : null;
}
