using System.Text;

namespace Rind.Docker.DevContainers;

/// <summary>
/// The dev container spec's variables in remoteEnv's values: ${localEnv:NAME}, ${containerEnv:NAME}
/// (each with an optional :default), ${localWorkspaceFolder}, ${containerWorkspaceFolder} and their
/// Basename forms. Any other ${...} stays as it is, as the tools leave what they do not know.
/// </summary>
/// <param name="localEnv">rind's own environment.</param>
/// <param name="containerEnv">The container's environment, as the engine reports it.</param>
/// <param name="localWorkspaceFolder">The workspace's folder on the host.</param>
/// <param name="containerWorkspaceFolder">Where the container sees it; null when unknown.</param>
internal sealed class DevContainerVariables(
    Func<string, string?> localEnv,
    Func<string, string?> containerEnv,
    string localWorkspaceFolder,
    string? containerWorkspaceFolder)
{
    public string Substitute(string value)
    {
        var result = new StringBuilder(value.Length);
        var position = 0;
        while (position < value.Length)
        {
            var start = value.IndexOf("${", position, StringComparison.Ordinal);
            var end = start < 0 ? -1 : value.IndexOf('}', start + 2);
            if (end < 0)
            {
                result.Append(value, position, value.Length - position);
                break;
            }

            result.Append(value, position, start - position);
            var expression = value[(start + 2)..end];
            result.Append(Resolve(expression) ?? value[start..(end + 1)]);
            position = end + 1;
        }

        return result.ToString();
    }

    private string? Resolve(string expression)
    {
        var parts = expression.Split(':', 3);
        return parts[0] switch
        {
            "localEnv" or "env" when parts.Length >= 2 => localEnv(parts[1]) ?? (parts.Length == 3 ? parts[2] : ""),
            "containerEnv" when parts.Length >= 2 => containerEnv(parts[1]) ?? (parts.Length == 3 ? parts[2] : ""),
            "localWorkspaceFolder" when parts.Length == 1 => localWorkspaceFolder,
            "localWorkspaceFolderBasename" when parts.Length == 1 => Basename(localWorkspaceFolder),
            "containerWorkspaceFolder" when parts.Length == 1 => containerWorkspaceFolder,
            "containerWorkspaceFolderBasename" when parts.Length == 1 && containerWorkspaceFolder is { } folder => Basename(folder),
            _ => null,
        };
    }

    private static string Basename(string folder) => Path.GetFileName(folder.TrimEnd('/'));
}
