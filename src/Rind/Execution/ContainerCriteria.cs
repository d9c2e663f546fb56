namespace Rind.Execution;

/// <summary>
/// What narrows the choice among labelled containers.
/// </summary>
/// <param name="Service">The compose service asked for (-s/--service, RIND_SERVICE).</param>
/// <param name="Container">The container asked for by name or id (-c/--container, RIND_CONTAINER).</param>
/// <param name="CurrentDirectory">Where rind runs: the project whose folder holds it wins.</param>
internal sealed record ContainerCriteria(string? Service, string? Container, string? CurrentDirectory)
{
    public static readonly ContainerCriteria None = new(null, null, null);
}
