using Rind.Backends;
using Rind.Platform;

namespace Rind.Execution;

/// <summary>Keeps the command's terminal at the size of rind's own, from the start and at every resize.</summary>
internal static class TerminalSizeFollower
{
    /// <summary>
    /// Sizes the command's terminal now, on a thread of its own so that output flows meanwhile, and again
    /// whenever the local terminal is resized, until disposed.
    /// </summary>
    public static IDisposable Follow(ITerminal terminal, IExecProcess process)
    {
        new Thread(() => Resize(terminal, process)) { IsBackground = true, Name = "terminal size" }.Start();
        return terminal.OnResize(() => Resize(terminal, process));
    }

    private static void Resize(ITerminal terminal, IExecProcess process)
    {
        if (terminal.GetSize() is { } size)
        {
            process.Resize(size);
        }
    }
}
