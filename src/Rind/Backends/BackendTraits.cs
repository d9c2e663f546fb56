namespace Rind.Backends;

/// <summary>What a backend's execs can do, which the plan of a command and the session depend on.</summary>
/// <param name="Server">What messages call the backend's side: "the engine", "the cluster".</param>
/// <param name="SizesTerminalAtStart">Whether a terminal has its size before the command starts; else the command waits for it.</param>
/// <param name="ReportsStartFailures">
/// Whether the backend tells a command it could not start apart from the command's output; where it
/// cannot, a shell checks the command first and says what is wrong in rind's words.
/// </param>
/// <param name="Notices">What the backend may write into a command's output in place of the command's own; null where it writes nothing.</param>
internal sealed record BackendTraits(string Server, bool SizesTerminalAtStart, bool ReportsStartFailures, IOutputNotices? Notices);
