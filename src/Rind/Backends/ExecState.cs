namespace Rind.Backends;

/// <summary>What a backend says of a command it runs.</summary>
/// <param name="Running">Whether the command still runs.</param>
/// <param name="ExitCode">The exit code, once it ended and the backend knows it.</param>
/// <param name="Pid">The process id the backend saw; 0 when the process never started, null where the backend does not tell.</param>
internal sealed record ExecState(bool Running, long? ExitCode, int? Pid)
{
    /// <summary>The backend's own words for why the command could not be started, where it sends them apart from the output.</summary>
    public string? StartFailure { get; init; }
}
