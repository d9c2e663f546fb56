using System.Text;

using Rind.Backends;

namespace Rind.Docker;

/// <summary>
/// Texts Docker and Podman write into a command's output stream in place of output of the command's own.
/// Each arrives in a write of its own, so it opens a frame or, with a terminal, a read.
/// </summary>
internal sealed class EngineNotices : IOutputNotices
{
    public static readonly EngineNotices Instance = new();

    /// <summary>
    /// How Docker's failures to start an exec begin, on the stdout stream. The engine sends them with
    /// exit code 126 whatever the cause (Docker before 23 never says 127).
    /// </summary>
    public const string StartFailed = "OCI runtime exec failed";

    /// <summary>
    /// What Docker before 23 sends when the user typed the detach keys; it then ends the command and
    /// reports exit code 126.
    /// </summary>
    public const string Detached = "exec attach failed: error on attach stdin: read escape sequence";

    /// <summary>
    /// How Podman writes its own errors into the stream: "Error: " and the message, on the stderr
    /// stream, or on the terminal's output when there is a terminal.
    /// </summary>
    public const string PodmanError = "Error: ";

    /// <summary>
    /// What Podman sends when it read the detach keys. The command goes on running, yet the engine
    /// then reports it ended, with exit code -1.
    /// </summary>
    public const string PodmanDetached = "Error: detached from container";

    /// <summary>The exit code Podman reports for a command it did not see end.</summary>
    private const int UnknownExitCode = -1;

    /// <summary>How Podman's failures of the OCI runtime end, one per cause: not found, not allowed, any other.</summary>
    private static readonly string[] PodmanRuntimeFailures =
    [
        "OCI runtime attempted to invoke a command that was not found",
        "OCI permission denied",
        "OCI runtime error",
    ];

    /// <summary>
    /// How Docker's failures to find the user or group to run as begin, on the stdout stream, with exit
    /// code 126: the first two with the classic image store, the others with containerd's.
    /// </summary>
    private static readonly string[] LookupFailures =
    [
        "unable to find user ",
        "unable to find group ",
        "no users found",
        "no groups found",
    ];

    private static readonly byte[] StartFailedBytes = Encoding.ASCII.GetBytes(StartFailed);
    private static readonly byte[] DetachedBytes = Encoding.ASCII.GetBytes(Detached);
    private static readonly byte[][] LookupFailureBytes = [.. LookupFailures.Select(Encoding.ASCII.GetBytes)];
    private static readonly byte[] PodmanErrorBytes = Encoding.ASCII.GetBytes(PodmanError);

    public bool MayOpenWith(StreamKind kind, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PodmanErrorBytes))
        {
            return Classify(Encoding.UTF8.GetString(bytes)) != OutputNotice.None;
        }

        // Docker sends its notices on the stdout stream; what a command writes to stderr is never held.
        return kind != StreamKind.Stderr && (bytes.StartsWith(StartFailedBytes) || bytes.StartsWith(DetachedBytes) || OpensWithLookupFailure(bytes));
    }

    /// <remarks>After a failed start Podman adds an error about the attach connection the failure broke.</remarks>
    public bool MayContinueWith(ReadOnlySpan<byte> bytes) => bytes.StartsWith(PodmanErrorBytes);

    /// <remarks>
    /// Podman reports a command it detached from as ended, with no exit code of its own (-1), yet it goes on running.
    /// </remarks>
    public OutputNotice Classify(string? notice, ExecState ended) => Classify(notice) switch
    {
        OutputNotice.DetachedCommandRuns when ended.ExitCode != UnknownExitCode => OutputNotice.None,
        var classified => classified,
    };

    /// <summary>The engine's text on one line, without Podman's "Error: " before it.</summary>
    public string Words(string notice)
    {
        var message = notice.Trim().ReplaceLineEndings(" ");
        return message.StartsWith(PodmanError, StringComparison.Ordinal) ? message[PodmanError.Length..] : message;
    }

    /// <summary>What a held notice says happened, if it is one, whatever the exec's end.</summary>
    public static OutputNotice Classify(string? notice) => notice switch
    {
        null => OutputNotice.None,
        _ when notice.StartsWith(StartFailed, StringComparison.Ordinal) => OutputNotice.StartFailed,
        _ when LookupFailures.Any(failure => notice.StartsWith(failure, StringComparison.Ordinal)) => OutputNotice.StartFailed,
        _ when notice.StartsWith(Detached, StringComparison.Ordinal) => OutputNotice.DetachedCommandEnded,
        _ when notice.StartsWith(PodmanDetached, StringComparison.Ordinal) => OutputNotice.DetachedCommandRuns,
        _ when notice.StartsWith(PodmanError, StringComparison.Ordinal)
            && PodmanRuntimeFailures.Any(failure => notice.Contains(failure, StringComparison.Ordinal)) => OutputNotice.StartFailed,
        _ => OutputNotice.None,
    };

    private static bool OpensWithLookupFailure(ReadOnlySpan<byte> bytes)
    {
        foreach (var failure in LookupFailureBytes)
        {
            if (bytes.StartsWith(failure))
            {
                return true;
            }
        }

        return false;
    }
}
