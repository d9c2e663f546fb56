namespace Rind.Execution;

/// <summary>What the engine said in place of a command's output.</summary>
internal enum EngineNotice
{
    /// <summary>Nothing: the output is the command's own.</summary>
    None,

    /// <summary>The command could not be started.</summary>
    StartFailed,

    /// <summary>The user detached, and the engine ended the command (Docker before 23).</summary>
    DetachedCommandEnded,

    /// <summary>The engine detached from the command, which goes on running (Podman).</summary>
    DetachedCommandRuns,
}
