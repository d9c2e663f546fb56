namespace Rind.Execution;

/// <summary>Why the engine could not start a command, as its failure text says.</summary>
internal enum StartFailureCause
{
    /// <summary>A reason rind does not know: the engine's own words are shown.</summary>
    Other,

    /// <summary>The folder to run in does not exist in the container.</summary>
    NoSuchWorkingFolder,

    /// <summary>The folder to run in is a file.</summary>
    WorkingFolderIsNoFolder,

    /// <summary>The user may not enter the folder to run in.</summary>
    WorkingFolderNotAllowed,

    /// <summary>The container has no such user.</summary>
    NoSuchUser,

    /// <summary>The container has no such group.</summary>
    NoSuchGroup,

    /// <summary>The command is not there.</summary>
    CommandNotFound,

    /// <summary>The command may not be run.</summary>
    CommandNotAllowed,

    /// <summary>The command is a folder.</summary>
    CommandIsAFolder,
}
