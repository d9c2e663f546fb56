using System.Globalization;
using System.Text.Json.Nodes;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>How an exec's command ended: with an exit code, or not started at all, with the container runtime's words.</summary>
internal sealed record ExecEnd(int? ExitCode, string? ExecId, string? RuntimeMessage)
{
    public static ExecEnd Exited(int exitCode) => new(exitCode, null, null);

    public static ExecEnd StartFailed(string? execId, string runtimeMessage) => new(null, execId, runtimeMessage);

    /// <summary>
    /// The Status that says so: in the kubelet's words, or (<paramref name="apiServerWords"/>, as with
    /// v5, which the API server speaks itself) in the API server's, which reads the kubelet's answer
    /// and words it again.
    /// </summary>
    public JsonObject Status(IReadOnlyList<string> command, bool apiServerWords)
    {
        if (ExitCode is { } exitCode)
        {
            return exitCode == 0 ? ApiStatus.Success()
                : ApiStatus.NonZeroExitCode(
                    apiServerWords
                        ? $"command terminated with non-zero exit code: command terminated with exit code {exitCode}"
                        : $"command terminated with non-zero exit code: error executing command [{string.Join(' ', command)}], exit code {exitCode}",
                    exitCode);
        }

        // containerd's words for a process that could not be started; the API server wraps the
        // kubelet's internal error in one of its own.
        var cause = $"error executing command in container: failed to exec in container: failed to start exec \"{ExecId}\": {RuntimeMessage}";
        var kubelet = ApiStatus.InternalError(cause);
        return apiServerWords ? ApiStatus.InternalError(kubelet["message"]!.GetValue<string>()) : kubelet;
    }

    public override string ToString() =>
        ExitCode?.ToString(CultureInfo.InvariantCulture) ?? $"not started: {RuntimeMessage}";
}
