namespace Rind.Backends;

/// <summary>How commands run in a candidate, from what marks it: the app.rind labels, a pod's annotations, a dev container's metadata.</summary>
/// <param name="Source">What holds the pre-step, as messages name it: "label", "annotation".</param>
internal sealed record RunSettings(string Source)
{
    /// <summary>Run first, in the shell that runs the command; null for none.</summary>
    public string? PreStep { get; init; }

    /// <summary>The shell <c>rind</c> alone opens, as words; null for bash, else /bin/sh.</summary>
    public IReadOnlyList<string>? Shell { get; init; }

    /// <summary>The user commands run as, unless -u says otherwise; null for the container's.</summary>
    public string? User { get; init; }

    /// <summary>KEY=VALUE pairs set for every command, before those of -e.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <summary>Where rind's folders appear in the container, for running in the one that matches the current folder; empty for none.</summary>
    public IReadOnlyList<FolderMapping> Folders { get; init; } = [];
}
