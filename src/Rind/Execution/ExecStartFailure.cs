using Rind.Diagnostics;

namespace Rind.Execution;

/// <summary>
/// What to tell the user when the backend could not start the command at all: what failed, by name,
/// and an exit code as a shell or docker gives, 127 for a command that is not there and 126 for
/// every other reason.
/// </summary>
internal sealed record ExecStartFailure(int ExitCode, string Message)
{
    /// <summary>
    /// The words the engines, clusters and their runtimes use, checked in this order. The working folder comes
    /// first: a missing one reads "no such file or directory" as a missing command does. A folder comes
    /// before permission: Docker 25 and later add "permission denied" to "is a directory".
    /// </summary>
    public static StartFailureCause CauseOf(string backendMessage)
    {
        var message = backendMessage.ToLowerInvariant();
        if (message.Contains("chdir", StringComparison.Ordinal))
        {
            return message switch
            {
                _ when message.Contains("no such file or directory", StringComparison.Ordinal) => StartFailureCause.NoSuchWorkingFolder,
                _ when message.Contains("not a directory", StringComparison.Ordinal) => StartFailureCause.WorkingFolderIsNoFolder,
                _ when message.Contains("permission denied", StringComparison.Ordinal) => StartFailureCause.WorkingFolderNotAllowed,
                _ => StartFailureCause.Other,
            };
        }

        return message switch
        {
            _ when message.Contains("unable to find user ", StringComparison.Ordinal)
                || message.Contains("no users found", StringComparison.Ordinal) => StartFailureCause.NoSuchUser,
            _ when message.Contains("unable to find group ", StringComparison.Ordinal)
                || message.Contains("no groups found", StringComparison.Ordinal) => StartFailureCause.NoSuchGroup,
            _ when message.Contains("not found", StringComparison.Ordinal)
                || message.Contains("no such file or directory", StringComparison.Ordinal) => StartFailureCause.CommandNotFound,
            _ when message.Contains("is a directory", StringComparison.Ordinal) => StartFailureCause.CommandIsAFolder,
            _ when message.Contains("permission denied", StringComparison.Ordinal) => StartFailureCause.CommandNotAllowed,
            _ => StartFailureCause.Other,
        };
    }

    /// <summary>The failure to report for <paramref name="plan"/>, naming the folder, user or command from it.</summary>
    public static ExecStartFailure Classify(ExecPlan plan, string backendMessage)
    {
        var command = UntrustedText.Show(plan.Argv[0]);
        var folder = plan.WorkingDirectory is { } chosen ? UntrustedText.Show(chosen) : "the container's working folder";
        var (user, group) = SplitUser(plan.User);
        return CauseOf(backendMessage) switch
        {
            StartFailureCause.NoSuchWorkingFolder => CannotRun($"cannot run in {folder}: no such folder in the container"),
            StartFailureCause.WorkingFolderIsNoFolder => CannotRun($"cannot run in {folder}: not a folder in the container"),
            StartFailureCause.WorkingFolderNotAllowed => CannotRun($"cannot run in {folder}: permission denied"),
            StartFailureCause.NoSuchUser when user is not null => CannotRun($"no user {UntrustedText.Show(user)} in the container"),
            StartFailureCause.NoSuchGroup when group is not null => CannotRun($"no group {UntrustedText.Show(group)} in the container"),
            StartFailureCause.CommandNotFound => new ExecStartFailure(ExitCodes.NotFound, $"{command}: command not found"),
            StartFailureCause.CommandNotAllowed => CannotRun($"{command}: permission denied"),
            StartFailureCause.CommandIsAFolder => CannotRun($"{command}: is a directory"),
            _ => CannotRun($"cannot run {command}: {UntrustedText.Show(backendMessage.Trim().ReplaceLineEndings(" "))}"),
        };
    }

    private static ExecStartFailure CannotRun(string message) => new(ExitCodes.CannotRun, message);

    /// <summary>The parts of a user as docker takes it: a name or id, and after a colon a group's.</summary>
    private static (string? User, string? Group) SplitUser(string? user)
    {
        if (string.IsNullOrEmpty(user))
        {
            return (null, null);
        }

        var colon = user.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (user, null) : (user[..colon], colon + 1 < user.Length ? user[(colon + 1)..] : null);
    }
}
