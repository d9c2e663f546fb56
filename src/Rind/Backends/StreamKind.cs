namespace Rind.Backends;

/// <summary>
/// The stream a frame of the engine's multiplexed output belongs to: the first byte of its header.
/// </summary>
internal enum StreamKind : byte
{
    Stdin = 0,
    Stdout = 1,
    Stderr = 2,

    /// <summary>An error of the engine's own, sent in place of the command's output.</summary>
    SystemError = 3,
}
