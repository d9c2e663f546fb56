namespace Rind.Platform;

/// <summary>
/// The terminal rind runs in, if any: what the interactive session needs of it.
/// </summary>
internal interface ITerminal
{
    bool IsInputTerminal { get; }

    bool IsOutputTerminal { get; }

    /// <summary>
    /// Whether rind may read the terminal on stdin and change its settings: rind's process group is its
    /// foreground group, or it is not rind's controlling terminal, where job control stops no one.
    /// Meaningful only when <see cref="IsInputTerminal"/>.
    /// </summary>
    bool OwnsInputTerminal { get; }

    /// <summary>The current size, or null when it cannot be known.</summary>
    TerminalSize? GetSize();

    /// <summary>
    /// Puts the terminal in raw mode until the result is disposed, and also restores it when rind is
    /// ended by a signal.
    /// </summary>
    IDisposable EnterRawMode();

    /// <summary>Calls <paramref name="resized"/> whenever the terminal changes size, until disposed.</summary>
    IDisposable OnResize(Action resized);
}
