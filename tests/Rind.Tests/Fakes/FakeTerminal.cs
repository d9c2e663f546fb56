using Rind.Platform;

namespace Rind.Tests.Fakes;

/// <summary>
/// A terminal that records when raw mode is entered and left, and resizes on demand.
/// </summary>
internal sealed class FakeTerminal(bool isTerminal = true, TerminalSize? size = null, bool ownsInput = true) : ITerminal
{
    private readonly List<Action> _resizeHandlers = [];

    public bool IsInputTerminal => isTerminal;

    public bool IsOutputTerminal => isTerminal;

    public bool OwnsInputTerminal => ownsInput;

    public TerminalSize? Size { get; set; } = size;

    public List<string> Events { get; } = [];

    public bool IsRaw { get; private set; }

    public TerminalSize? GetSize() => Size;

    public IDisposable EnterRawMode()
    {
        IsRaw = true;
        Events.Add("raw");
        return new Callback(() =>
        {
            IsRaw = false;
            Events.Add("restored");
        });
    }

    public IDisposable OnResize(Action resized)
    {
        lock (_resizeHandlers)
        {
            _resizeHandlers.Add(resized);
        }

        return new Callback(() =>
        {
            lock (_resizeHandlers)
            {
                _resizeHandlers.Remove(resized);
            }
        });
    }

    /// <summary>Changes the size and tells whoever listens, as SIGWINCH does.</summary>
    public void Resize(TerminalSize newSize)
    {
        Size = newSize;
        Action[] handlers;
        lock (_resizeHandlers)
        {
            handlers = [.. _resizeHandlers];
        }

        foreach (var handler in handlers)
        {
            handler();
        }
    }

    private sealed class Callback(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
