using System.Globalization;
using System.Text.Json;
using Rind.Backends;
using Rind.Serialization;

namespace Rind.Kubernetes.Api;

/// <summary>
/// How an exec ended, from the Status message of its status channel: Success is exit code 0; Failure
/// for NonZeroExitCode carries the code as the message of its cause ExitCode; any other failure is the
/// server's reason the command could not run, kept raw for the message that shows it.
/// </summary>
internal static class ExecEnding
{
    /// <summary>Ended as kubectl reads it: an exec that closed without a status succeeded.</summary>
    public static readonly ExecState Succeeded = new(Running: false, ExitCode: 0, Pid: null);

    public static ExecState Of(ReadOnlySpan<byte> statusJson)
    {
        if (statusJson.IsEmpty)
        {
            return Succeeded;
        }

        Models.ApiStatus? status;
        try
        {
            status = JsonSerializer.Deserialize(statusJson, RindJsonContext.Default.ApiStatus);
        }
        catch (JsonException exception)
        {
            return StartFailure($"the exec ended with a status rind cannot read ({exception.Message})");
        }

        if (status?.Status == "Success")
        {
            return Succeeded;
        }

        if (status?.Reason == "NonZeroExitCode"
            && status.Details?.Causes?.FirstOrDefault(cause => cause.Reason == "ExitCode")?.Message is { } code
            && long.TryParse(code, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exitCode))
        {
            return new ExecState(Running: false, ExitCode: exitCode, Pid: null);
        }

        return StartFailure(status?.Message is { Length: > 0 } message ? message : status?.Reason ?? "the exec failed without a reason");
    }

    /// <summary>
    /// How an exec ended by the error stream of the protocols before v4: nothing for success, else the failure in
    /// words, whose exit code, if any, ends them ("... exit code 3").
    /// </summary>
    public static ExecState OfText(string message)
    {
        message = message.Trim();
        if (message.Length == 0)
        {
            return Succeeded;
        }

        const string ExitCodeWords = "exit code ";
        var at = message.LastIndexOf(ExitCodeWords, StringComparison.Ordinal);
        return at >= 0 && long.TryParse(message.AsSpan(at + ExitCodeWords.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var exitCode)
            ? new ExecState(Running: false, ExitCode: exitCode, Pid: null)
            : StartFailure(message);
    }

    private static ExecState StartFailure(string message) => new(Running: false, ExitCode: null, Pid: null) { StartFailure = message };
}
