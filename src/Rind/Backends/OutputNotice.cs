namespace Rind.Backends;

/// <summary>What a backend said in place of a command's output.</summary>
internal enum OutputNotice
{
    /// <summary>Nothing: the output is the command's own.</summary>
    None,

    /// <summary>The command could not be started.</summary>
    StartFailed,

    /// <summary>The user detached, and the backend ended the command (Docker before 23).</summary>
    DetachedCommandEnded,

    /// <summary>The backend detached from the command, which goes on running (Podman).</summary>
    DetachedCommandRuns,
}
