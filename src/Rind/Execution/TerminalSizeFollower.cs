using Rind.Backends;
using Rind.Platform;

namespace Rind.Execution;

/// <summary>Keeps the command's terminal at the size of rind's own, from the start and at every resize.</summary>
internal sealed class TerminalSizeFollower(ITerminal terminal, IExecProcess process)
{
    /// <summary>One resize at a time, each sending the size of that moment: an older size never lands after a newer one.</summary>
    private readonly Lock _lock = new();

    /// <summary>
    /// Follows every resize of the local terminal from now on, until disposed, and sizes the command's
    /// terminal now, on a thread of its own so that output flows meanwhile.
    /// </summary>
    public static IDisposable Follow(ITerminal terminal, IExecProcess process)
    {
        var follower = new TerminalSizeFollower(terminal, process);
        var subscription = terminal.OnResize(follower.Resize);
        new Thread(follower.Resize) { IsBackground = true, Name = "terminal size" }.Start();
        return subscription;
    }

    private void Resize()
    {
        lock (_lock)
        {
            if (terminal.GetSize() is { } size)
            {
                process.Resize(size);
            }
        }
    }
}
