using Microsoft.Extensions.Logging;

namespace Rind.Diagnostics;

/// <summary>
/// Everything <c>--verbose</c> reports, as source-generated log messages.
/// </summary>
internal static partial class LogMessages
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "not using {Origin} {Path}: {Reason}")]
    public static partial void SocketPassedOver(ILogger logger, string origin, string path, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "engine {Address} from {Origin} (TLS: {Tls})")]
    public static partial void EngineChosen(ILogger logger, string address, string origin, bool tls);

    [LoggerMessage(Level = LogLevel.Debug, Message = "engine {Address} speaks API {EngineVersion}; using {Version}")]
    public static partial void ApiVersionNegotiated(ILogger logger, string version, string engineVersion, string address);

    [LoggerMessage(Level = LogLevel.Debug, Message = "engine {Address}: using API {Version} from DOCKER_API_VERSION")]
    public static partial void ApiVersionRequested(ILogger logger, string version, string address);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{FoundBy}")]
    public static partial void CandidateChosen(ILogger logger, string foundBy);

    [LoggerMessage(Level = LogLevel.Debug, Message = "pre-step from the {Source}: {PreStep}")]
    public static partial void PreStepFound(ILogger logger, string source, string preStep);

    [LoggerMessage(Level = LogLevel.Debug, Message = "the label devcontainer.metadata cannot be read ({Reason}); running without its settings")]
    public static partial void DevContainerMetadataUnread(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "the user's environment, probed since the container started, kept in {Folder}")]
    public static partial void UserEnvironmentKept(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Debug, Message = "the user's environment probed: {Count} variables, {Kept}")]
    public static partial void UserEnvironmentProbed(ILogger logger, int count, string kept);

    [LoggerMessage(Level = LogLevel.Debug, Message = "the user's environment could not be probed ({Reason}); running with the container's")]
    public static partial void UserEnvironmentNotProbed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "exec {ExecId} created: {Command}")]
    public static partial void ExecCreated(ILogger logger, string execId, string command);

    [LoggerMessage(Level = LogLevel.Debug, Message = "terminal session: {Tty}, detach keys {DetachKeys}")]
    public static partial void TerminalChosen(ILogger logger, bool tty, string detachKeys);

    [LoggerMessage(Level = LogLevel.Debug, Message = "exec in pod {Pod} over {Transport}: {Why}")]
    public static partial void ExecTransportChosen(ILogger logger, string pod, string transport, string why);

    [LoggerMessage(Level = LogLevel.Debug, Message = "exec {ExecId} ended with exit code {ExitCode}")]
    public static partial void ExecEnded(ILogger logger, string execId, long exitCode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "exec {ExecId}: terminal sized to {Rows}x{Columns}")]
    public static partial void TerminalResized(ILogger logger, string execId, int rows, int columns);

    [LoggerMessage(Level = LogLevel.Debug, Message = "exec {ExecId}: the terminal could not be resized: {Reason}")]
    public static partial void ResizeFailed(ILogger logger, string execId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SIG{Signal} sent to the command in {Container}")]
    public static partial void SignalForwarded(ILogger logger, string signal, string container);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SIG{Signal} could not be sent to the command: {Reason}")]
    public static partial void SignalNotForwarded(ILogger logger, string signal, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "writing to stdout failed ({Reason}); ending the command")]
    public static partial void OutputFailed(ILogger logger, string reason);
}
