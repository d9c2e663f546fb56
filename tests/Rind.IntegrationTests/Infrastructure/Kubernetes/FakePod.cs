namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// A pod of the fake cluster. Its containers are containers of the test engine, in which its execs
/// really run; the rest is what the API server says about it.
/// </summary>
/// <param name="Name">The pod's name, unique in its namespace.</param>
/// <param name="Containers">In the order of the pod's spec: the first is kubectl's default.</param>
public sealed record FakePod(string Name, IReadOnlyList<FakePodContainer> Containers)
{
    /// <summary>The one node every pod of the fake is scheduled on.</summary>
    public const string NodeName = "fake-node";

    public string Namespace { get; init; } = "default";

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>Pending, Running, Succeeded, Failed or Unknown.</summary>
    public string Phase { get; init; } = "Running";

    /// <summary>The Ready condition, and each container's ready flag.</summary>
    public bool Ready { get; init; } = true;

    /// <summary>Set while the pod is being deleted (its grace period running).</summary>
    public DateTimeOffset? DeletionTimestamp { get; init; }

    /// <summary>When the pod was made, for its age.</summary>
    public DateTimeOffset CreationTimestamp { get; init; } = DateTimeOffset.UtcNow;
}
