using System.Text;

namespace Rind.Docker.DevContainers;

/// <summary>
/// What a probe of the user's shell printed: its environment between two markers, NUL-separated as in
/// /proc/self/environ, so that a shell's banner or a profile's chatter around it is no part of it.
/// </summary>
internal static class ProbedEnvironment
{
    /// <summary>What a shell sets of itself, which means nothing to another process.</summary>
    private static readonly HashSet<string> ShellOwn = ["PWD", "OLDPWD", "SHLVL", "_"];

    /// <returns>KEY=VALUE in the order printed; null when the markers are not both there.</returns>
    public static IReadOnlyList<string>? Parse(ReadOnlySpan<byte> output, string marker)
    {
        var markerBytes = Encoding.ASCII.GetBytes(marker);
        var start = output.IndexOf(markerBytes);
        var end = output.LastIndexOf(markerBytes);
        if (start < 0 || end <= start)
        {
            return null;
        }

        var environment = output[(start + markerBytes.Length)..end];
        List<string> variables = [];
        foreach (var range in environment.Split((byte)0))
        {
            var variable = Encoding.UTF8.GetString(environment[range]);
            var equals = variable.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && !ShellOwn.Contains(variable[..equals]))
            {
                variables.Add(variable);
            }
        }

        return variables;
    }
}
