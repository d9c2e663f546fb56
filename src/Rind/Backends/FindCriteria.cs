using Rind.Cli;
using Rind.Platform;

namespace Rind.Backends;

/// <summary>
/// What narrows the choice of where to run.
/// </summary>
/// <param name="Service">The compose service asked for (-s/--service, RIND_SERVICE); the engine's alone.</param>
/// <param name="Container">The container (or pod) asked for by name or id (-c/--container, RIND_CONTAINER).</param>
/// <param name="CurrentDirectory">Where rind runs: what holds it is chosen first.</param>
internal sealed record FindCriteria(string? Service, string? Container, string? CurrentDirectory)
{
    /// <summary>
    /// Whether finding may run commands of its own in the candidate, as the probe of a dev container's
    /// shell; completion, which runs one exec a Tab at most, says no, and gets what was kept of an earlier probe.
    /// </summary>
    public bool MayProbe { get; init; } = true;

    public static readonly FindCriteria None = new(null, null, null);

    /// <summary>What the invocation asks for, else what RIND_SERVICE and RIND_CONTAINER say, from the current folder.</summary>
    public static FindCriteria Of(Invocation invocation, IEnvironment environment) =>
        new(
            invocation.Service ?? environment.GetSetting("RIND_SERVICE"),
            invocation.Container ?? environment.GetSetting("RIND_CONTAINER"),
            environment.CurrentDirectory);
}
