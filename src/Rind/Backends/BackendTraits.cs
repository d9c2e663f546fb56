namespace Rind.Backends;

/// <summary>What a backend's execs can do, which the plan of a command depends on.</summary>
/// <param name="SizesTerminalAtStart">Whether a terminal has its size before the command starts; else the command waits for it.</param>
/// <param name="SharesFileSystem">Whether the backend's bind-mount sources are rind's own folders, so that the current folder can be mapped.</param>
/// <param name="HasDetachKeys">Whether the backend watches a terminal's input for keys that detach from the command.</param>
/// <param name="WritesNoticesIntoOutput">Whether the backend writes notices of its own into the command's output, as Docker and Podman do.</param>
internal sealed record BackendTraits(bool SizesTerminalAtStart, bool SharesFileSystem, bool HasDetachKeys, bool WritesNoticesIntoOutput)
{
    /// <summary>What carries the app.rind settings, as messages name it: "label" on a container, "annotation" on a pod.</summary>
    public string SettingsHolder { get; init; } = "label";

    /// <summary>
    /// Whether the backend tells a command it could not start apart from the command's output; where it
    /// cannot, a shell checks the command first and says what is wrong in rind's words.
    /// </summary>
    public bool ReportsStartFailures { get; init; } = true;
}
