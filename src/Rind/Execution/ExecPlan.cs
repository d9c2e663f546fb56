namespace Rind.Execution;

/// <summary>
/// Everything decided about the exec before rind talks to the engine about it.
/// </summary>
/// <param name="Argv">What the exec runs.</param>
/// <param name="Tty">Whether the command gets a terminal.</param>
/// <param name="Environment">KEY=VALUE pairs set for the command.</param>
/// <param name="DetachKeys">The engine's detach sequence, for terminal sessions.</param>
internal sealed record ExecPlan(IReadOnlyList<string> Argv, bool Tty, IReadOnlyList<string> Environment, string? DetachKeys);
