namespace Rind;

/// <summary>
/// The exit codes rind uses of its own; every other code is the command's. They match
/// <c>docker run</c>/<c>docker exec</c> and POSIX shells.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>rind could not write the command's output, as docker exits then.</summary>
    public const int OutputFailed = 1;

    /// <summary>rind itself failed: bad options, no container, engine unreachable.</summary>
    public const int RindFailure = 125;

    /// <summary>The command was found but could not be run.</summary>
    public const int CannotRun = 126;

    /// <summary>The command was not found.</summary>
    public const int NotFound = 127;

    /// <summary>A process ended by signal N exits with 128 + N.</summary>
    public const int SignalBase = 128;

    /// <summary>The reader of rind's output went away, as a command killed by SIGPIPE reports.</summary>
    public const int BrokenPipe = SignalBase + 13;

    /// <summary>The highest exit code a process can have.</summary>
    public const int Highest = 255;
}
