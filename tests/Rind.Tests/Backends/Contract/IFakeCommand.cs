using Rind.Backends;
using Rind.Platform;

namespace Rind.Tests.Backends.Contract;

/// <summary>
/// The command a contract case runs, as a backend's fakes play it on the far side of the backend's wire:
/// it writes what the case says, reads its input, has a terminal of some size, gets the signals sent to
/// its processes, and ends as the case says. Each backend's fakes speak their own protocol for it.
/// </summary>
internal interface IFakeCommand
{
    /// <summary>Completes once the backend has started the command.</summary>
    Task Started { get; }

    /// <summary>Completes once the command's input has ended, as the command reads it.</summary>
    Task InputEnded { get; }

    /// <summary>What the command has read of its input so far.</summary>
    byte[] Input { get; }

    /// <summary>The size of the command's terminal; null while it has none.</summary>
    TerminalSize? TerminalSize { get; }

    /// <summary>The signals that reached the command's processes (those that carry its marker), in order.</summary>
    IReadOnlyList<string> Signals { get; }

    /// <summary>Writes to the command's stdout or stderr; with a terminal, stdout alone.</summary>
    Task WriteAsync(StreamKind kind, byte[] bytes);

    /// <summary>Ends the command with <paramref name="exitCode"/>, after all it wrote.</summary>
    Task ExitAsync(int exitCode);

    /// <summary>Cuts the connection that carries the command's output while the command runs.</summary>
    Task BreakOffAsync();

    /// <summary>
    /// Has the container lack <paramref name="program"/>, the command's first word: whatever runs it finds no
    /// such program, and the backend's side says so as it does.
    /// </summary>
    Task LackAsync(string program);
}
