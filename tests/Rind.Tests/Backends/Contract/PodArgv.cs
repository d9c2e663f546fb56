using Rind.Execution;

namespace Rind.Tests.Backends.Contract;

/// <summary>
/// The argv of an exec in a pod, read as the pod runs it: perhaps a shell that waits for rind's go-ahead,
/// then env with the marker and the variables, then the command.
/// </summary>
/// <param name="AwaitsGoAhead">Whether a shell reads a line of input before anything else runs.</param>
/// <param name="Marker">The token of the marker env sets.</param>
/// <param name="Command">What env runs.</param>
internal sealed record PodArgv(bool AwaitsGoAhead, string Marker, IReadOnlyList<string> Command)
{
    public static PodArgv Parse(IReadOnlyList<string> argv)
    {
        var awaits = argv.Count > 4 && argv[0] == CommandComposer.PosixShell && argv[1] == "-c"
            && argv[2].StartsWith("IFS= read -r ", StringComparison.Ordinal) && argv[3] == CommandComposer.ShellName;
        var env = awaits ? 4 : 0;
        var markerPrefix = $"{ProcessMarker.VariableName}=";
        if (argv.Count < env + 4 || argv[env] != "env" || argv[env + 1] != "--" || !argv[env + 2].StartsWith(markerPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the pod cannot run {string.Join(' ', argv)}: env with the marker is not where it belongs");
        }

        var command = env + 3;
        while (command < argv.Count && argv[command].Contains('=', StringComparison.Ordinal))
        {
            command++;
        }

        return new PodArgv(awaits, argv[env + 2][markerPrefix.Length..], [.. argv.Skip(command)]);
    }
}
