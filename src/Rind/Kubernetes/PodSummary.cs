namespace Rind.Kubernetes;

/// <summary>One pod of the list rind asks the cluster for: what choosing it and running in it need.</summary>
/// <param name="Name">The pod's name.</param>
/// <param name="Phase">Pending, Running, Succeeded, Failed or Unknown.</param>
/// <param name="Ready">Whether its Ready condition is True.</param>
/// <param name="Deleting">Whether it has a deletionTimestamp: it is on its way out.</param>
/// <param name="Containers">Its containers' names, in the order of its spec.</param>
internal sealed record PodSummary(string Name, string Phase, bool Ready, bool Deleting, IReadOnlyList<string> Containers)
{
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    public bool IsRunning => Phase == "Running" && Ready && !Deleting;
}
