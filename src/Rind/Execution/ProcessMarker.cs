namespace Rind.Execution;

/// <summary>
/// A variable rind puts in the command's environment, which its children inherit, so that a second
/// exec can find every process of the command through /proc and signal it. The engine itself has no
/// way to signal an exec's process (moby issues 9098 and 35703).
/// </summary>
internal sealed record ProcessMarker(string Token)
{
    public const string VariableName = "RIND_SESSION";

    public string Variable => $"{VariableName}={Token}";

    /// <summary>
    /// A new marker: 122 random bits from the system, by way of a GUID. RandomNumberGenerator would
    /// load OpenSSL for them, a few milliseconds before every command.
    /// </summary>
    public static ProcessMarker Create() => new(Guid.NewGuid().ToString("N"));

    /// <summary>
    /// The argv of an exec that sends <paramref name="signal"/> (a name such as INT) to every process
    /// that carries the marker, and leaves the others alone.
    /// </summary>
    public IReadOnlyList<string> SignalCommand(string signal) =>
    [
        "/bin/sh",
        "-c",
        """
        for rind_process in /proc/[0-9]*; do
          if tr '\0' '\n' < "$rind_process/environ" 2>/dev/null | grep -qx "$1"; then
            kill -s "$2" "${rind_process#/proc/}" 2>/dev/null
          fi
        done
        exit 0
        """,
        "rind",
        Variable,
        signal,
    ];
}
