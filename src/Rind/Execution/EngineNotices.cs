namespace Rind.Execution;

/// <summary>
/// Texts the engine writes into a command's output stream in place of output of the command's own.
/// </summary>
internal static class EngineNotices
{
    /// <summary>
    /// How runc's failures to start an exec begin. The engine sends them with exit code 126 whatever
    /// the cause (Docker before 23 never says 127).
    /// </summary>
    public const string StartFailed = "OCI runtime exec failed";

    /// <summary>
    /// What engines before Docker 23 send when the user typed the detach keys; they then end the
    /// command and report exit code 126.
    /// </summary>
    public const string Detached = "exec attach failed: error on attach stdin: read escape sequence";

    public static readonly IReadOnlyList<string> All = [StartFailed, Detached];
}
