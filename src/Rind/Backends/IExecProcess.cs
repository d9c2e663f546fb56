using Rind.Platform;

namespace Rind.Backends;

/// <summary>
/// A started command: its output as it arrives, its input, its terminal's size and, once it ends, its
/// exit status. Output is read on one thread and input written on another; every call blocks.
/// </summary>
internal interface IExecProcess : IDisposable
{
    /// <summary>The command's stdout and stderr, kept apart (or the terminal's output), in the order they came.</summary>
    IChunkReader Output { get; }

    /// <summary>Sends bytes to the command's stdin.</summary>
    void WriteInput(ReadOnlySpan<byte> bytes);

    /// <summary>Tells the command its stdin ended, while its output keeps arriving.</summary>
    void CloseInput();

    /// <summary>Sets the size of the command's terminal; failures are logged, never thrown, as the command may have ended.</summary>
    void Resize(TerminalSize size);

    /// <summary>What the backend says of the command now, while its output is still read; null when it cannot tell.</summary>
    ExecState? Probe();

    /// <summary>
    /// How the command ended, asked once its output has ended; still running when it did not end within
    /// <paramref name="patience"/>.
    /// </summary>
    ExecState WaitForEnd(TimeSpan patience);
}
