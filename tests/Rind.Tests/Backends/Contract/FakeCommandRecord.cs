using Rind.Platform;

namespace Rind.Tests.Backends.Contract;

/// <summary>
/// What both backends' fakes record of their command, under one lock that guards the rest of their state too:
/// the size of its terminal and the signals that reached its processes.
/// </summary>
internal abstract class FakeCommandRecord
{
    private readonly List<string> _signals = [];
    private TerminalSize? _size;

    public TerminalSize? TerminalSize
    {
        get
        {
            lock (Lock)
            {
                return _size;
            }
        }
    }

    public IReadOnlyList<string> Signals
    {
        get
        {
            lock (Lock)
            {
                return [.. _signals];
            }
        }
    }

    protected Lock Lock { get; } = new();

    /// <summary>Records the terminal's new size; the caller holds <see cref="Lock"/>.</summary>
    protected void RecordSize(TerminalSize size) => _size = size;

    /// <summary>Records a signal that reached the command; the caller holds <see cref="Lock"/>.</summary>
    protected void RecordSignal(string signal) => _signals.Add(signal);
}
