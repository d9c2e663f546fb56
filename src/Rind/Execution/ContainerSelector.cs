using Rind.Engine.Models;

namespace Rind.Execution;

/// <summary>
/// Chooses the container to run in from those that carry the label, or says why there is none.
/// </summary>
internal static class ContainerSelector
{
    public static ContainerSummary Select(IReadOnlyList<ContainerSummary> labelled)
    {
        var running = labelled.Where(container => container.IsRunning).ToArray();
        if (running.Length == 1)
        {
            return running[0];
        }

        if (running.Length > 1)
        {
            throw new RindException(
                $"{running.Length} running containers carry the label {RindLabel.Name} ({Names(running)}); " +
                "rind needs exactly one: stop the others, or remove the label from all services but one");
        }

        var stopped = labelled.OrderBy(container => container.DisplayName, StringComparer.Ordinal).ToArray();
        throw stopped.Length switch
        {
            0 => new RindException(
                $"no running container carries the label {RindLabel.Name}: add it to the service to run in " +
                $"(labels: [{RindLabel.Name}] in the compose file) and start the stack (docker compose up -d)"),
            1 => new RindException(
                $"container {stopped[0].DisplayName} carries the label {RindLabel.Name} but is not running " +
                $"({Describe(stopped[0])}): start it (docker start {stopped[0].DisplayName}, or docker compose up -d)"),
            _ => new RindException(
                $"containers {Names(stopped)} carry the label {RindLabel.Name} but none is running: " +
                "start the one to use (docker start NAME, or docker compose up -d)"),
        };
    }

    private static string Names(IEnumerable<ContainerSummary> containers) =>
        string.Join(", ", containers.Select(container => container.DisplayName).Order(StringComparer.Ordinal));

    private static string Describe(ContainerSummary container) =>
        container.Status.Length > 0 ? container.Status : container.State;
}
