namespace Rind.Backends;

/// <summary>Where a command runs, as a finder found it: how the backend names it, and how commands run there.</summary>
/// <param name="Id">What the backend's calls name it by: a container id, or a pod's name.</param>
/// <param name="DisplayName">What messages call it.</param>
/// <param name="Settings">How commands run there: pre-step, shell, user, environment, folders.</param>
internal sealed record Candidate(string Id, string DisplayName, RunSettings Settings)
{
    /// <summary>The container within a pod; null where the backend has one container per candidate.</summary>
    public string? Container { get; init; }

    /// <summary>What --verbose says was found and by which rule: "container web-1 (c0ffee) carries the label app.rind".</summary>
    public string FoundBy { get; init; } = "";
}
