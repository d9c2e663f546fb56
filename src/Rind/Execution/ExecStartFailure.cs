namespace Rind.Execution;

/// <summary>
/// What to tell the user when the engine could not start the command at all, as a shell would:
/// 127 for a command that is not there, 126 for one that cannot be run.
/// </summary>
internal sealed record ExecStartFailure(int ExitCode, string Message)
{
    public static ExecStartFailure Classify(string command, string engineMessage)
    {
        var message = engineMessage.Trim().ReplaceLineEndings(" ");
        if (message.StartsWith(EngineNotices.PodmanError, StringComparison.Ordinal))
        {
            message = message[EngineNotices.PodmanError.Length..];
        }

        if (message.Contains("not found", StringComparison.OrdinalIgnoreCase)
            || message.Contains("no such file or directory", StringComparison.OrdinalIgnoreCase))
        {
            return new ExecStartFailure(ExitCodes.NotFound, $"{command}: command not found");
        }

        if (message.Contains("permission denied", StringComparison.OrdinalIgnoreCase))
        {
            return new ExecStartFailure(ExitCodes.CannotRun, $"{command}: permission denied");
        }

        if (message.Contains("is a directory", StringComparison.OrdinalIgnoreCase))
        {
            return new ExecStartFailure(ExitCodes.CannotRun, $"{command}: is a directory");
        }

        return new ExecStartFailure(ExitCodes.CannotRun, $"cannot run {command}: {message}");
    }
}
