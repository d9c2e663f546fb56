using System.Globalization;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// The machine's processes as /proc shows them: their state and who started whom.
/// </summary>
public static class ProcessTable
{
    /// <summary>
    /// The state letter of <c>/proc/PID/stat</c> (R, S, T for stopped, Z for ended and not yet waited
    /// for), or null once the process is gone.
    /// </summary>
    public static char? State(int pid) => Stat(pid) is { } fields ? fields[0][0] : null;

    /// <summary>Every process started by <paramref name="pid"/>, or by one of those, and so on.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var child)
                && Stat(child) is { } fields)
            {
                parents[child] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
        }

        List<int> found = [];
        var generation = new List<int> { pid };
        while (generation.Count > 0)
        {
            generation = parents.Where(entry => generation.Contains(entry.Value)).Select(entry => entry.Key).ToList();
            found.AddRange(generation);
        }

        return found;
    }

    /// <summary>Sends SIGKILL, which ends a stopped process too; one already gone is fine.</summary>
    public static void Kill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It has ended already.
        }
    }

    /// <summary>The fields of /proc/PID/stat after the command's name, which may itself hold spaces and parentheses.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
