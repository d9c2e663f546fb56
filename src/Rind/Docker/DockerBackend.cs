using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rind.Backends;
using Rind.Diagnostics;
using Rind.Docker.Models;
using Rind.Execution;
using Rind.Platform;
using Rind.Serialization;

namespace Rind.Docker;

/// <summary>
/// Commands in the labelled container of a Docker or Podman engine, through the engine's exec API.
/// </summary>
/// <param name="connect">Opens the client, which settles the API version with the engine.</param>
/// <param name="configuredDetachKeys">detachKeys from the Docker CLI's config file, read only for a terminal session.</param>
internal sealed class DockerBackend(Func<IDockerEngine> connect, Func<string?> configuredDetachKeys, ILogger logger) : IBackend
{
    private IDockerEngine? _engine;

    /// <summary>The connected client, which the finders of this engine's containers share.</summary>
    public IDockerEngine Engine => _engine ?? throw new InvalidOperationException("the engine is used before it is connected");

    public BackendTraits Connect()
    {
        _engine = connect();
        return new BackendTraits(
            Server: "the engine",
            SizesTerminalAtStart: _engine.Version.CompareTo(ApiVersion.ConsoleSizeAtStart) >= 0,
            ReportsStartFailures: true,
            Notices: EngineNotices.Instance);
    }

    public IExecProcess Start(Candidate target, ExecPlan plan, ProcessMarker marker, TerminalSize? size)
    {
        IReadOnlyList<int>? consoleSize = size is { } known ? [known.Rows, known.Columns] : null;
        var detachKeys = plan.Tty ? DetachKeys.Choose(configuredDetachKeys()) : DetachKeys.WithoutTerminal;
        LogMessages.TerminalChosen(logger, plan.Tty, detachKeys);
        var execId = Create(target, plan, marker, consoleSize, detachKeys);
        LogMessages.ExecCreated(logger, execId, JsonSerializer.Serialize(plan.Argv, RindJsonContext.Default.IReadOnlyListString));
        var request = new ExecStartRequest { Detach = false, Tty = plan.Tty, ConsoleSize = consoleSize, Height = consoleSize?[0], Width = consoleSize?[1] };
        try
        {
            return new DockerExecProcess(Engine, execId, Engine.StartExec(execId, request), plan.Tty, logger);
        }
        catch (EngineRequestException exception)
            when (ExecStartFailure.CauseOf(exception.EngineMessage) is StartFailureCause.NoSuchUser or StartFailureCause.NoSuchGroup)
        {
            // Podman looks the user up before it starts the command, and refuses the request to start it.
            var failure = ExecStartFailure.Classify(plan, EngineNotices.Instance.Words(exception.EngineMessage));
            throw new RindException(failure.Message, failure.ExitCode, exception);
        }
    }

    public void Signal(Candidate target, ProcessMarker marker, string signal, TimeSpan wait)
    {
        try
        {
            var execId = Engine.CreateExec(target.Id, new ExecCreateRequest { Cmd = marker.SignalCommand(signal), User = "0" });
            Engine.StartExecDetached(execId);
            LogMessages.SignalForwarded(logger, signal, target.DisplayName);
            var deadline = DateTime.UtcNow + wait;
            while (DateTime.UtcNow < deadline && Engine.InspectExec(execId).Running)
            {
                Thread.Sleep(10);
            }
        }
        catch (RindException exception)
        {
            LogMessages.SignalNotForwarded(logger, signal, exception.Message);
        }
    }

    public void Dispose() => _engine?.Dispose();

    private string Create(Candidate target, ExecPlan plan, ProcessMarker marker, IReadOnlyList<int>? consoleSize, string detachKeys)
    {
        var request = new ExecCreateRequest
        {
            AttachStdin = true,
            AttachStdout = true,
            AttachStderr = true,
            Tty = plan.Tty,
            Cmd = plan.Argv,
            Env = [.. plan.Environment, marker.Variable],
            User = plan.User,
            WorkingDir = plan.WorkingDirectory,
            Privileged = plan.Privileged,
            DetachKeys = detachKeys,
            ConsoleSize = consoleSize,
        };
        try
        {
            return Engine.CreateExec(target.Id, request);
        }
        catch (EngineRequestException exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            throw new RindException(
                $"cannot run in container {UntrustedText.Show(target.DisplayName)}: {exception.EngineMessage}", innerException: exception);
        }
    }
}
