namespace Rind.Execution;

/// <summary>How the copying of a command's output ended.</summary>
internal enum StreamingEnd
{
    /// <summary>The command's output ended: the command has most likely ended too.</summary>
    OutputEnded,

    /// <summary>Writing to rind's stdout failed, so the output can go nowhere.</summary>
    StdoutFailed,

    /// <summary>rind stopped waiting: a signal it passed on was not followed by the command's end in time.</summary>
    GaveUp,
}
