using Rind.Backends;

namespace Rind.Kubernetes.Api;

/// <summary>
/// The streams of one exec as the transport the server agreed to carries them: WebSocket channels or SPDY
/// streams. Output is read on one thread; input, sizes and the end of input are sent from others.
/// </summary>
internal interface IExecStreams
{
    /// <summary>The transport and protocol, for --verbose: "WebSocket v5.channel.k8s.io", "SPDY/3.1 v4.channel.k8s.io".</summary>
    string Description { get; }

    /// <summary>Whether the command can be told that its input ended.</summary>
    bool CanCloseInput { get; }

    /// <summary>stdout and stderr as they come; their end comes once the exec's end was told, or the connection ended.</summary>
    IChunkReader Output { get; }

    /// <summary>Set once the exec's end was told, or the connection ended or broke.</summary>
    WaitHandle Ended { get; }

    /// <summary>How the connection ended, once <see cref="Ended"/> is set.</summary>
    ExecConnectionEnd ConnectionEnd { get; }

    /// <summary>What the server told of the exec's end: a Status, or (<see cref="StatusIsText"/>) a failure's words; empty when nothing was told.</summary>
    ReadOnlySpan<byte> Status { get; }

    bool StatusIsText { get; }

    /// <exception cref="IOException">The connection is closed or broke off.</exception>
    void SendInput(ReadOnlySpan<byte> bytes);

    void CloseInput();

    /// <summary>Sends a terminal size message; does nothing where the protocol has no way to.</summary>
    /// <exception cref="IOException">The connection is closed or broke off.</exception>
    void SendResize(ReadOnlySpan<byte> json);

    /// <summary>Sends a keep-alive ping.</summary>
    /// <exception cref="IOException">The connection is closed or broke off.</exception>
    void Ping();

    /// <summary>Sends what the server is owed for what was read (SPDY's window grants); nothing where none is.</summary>
    /// <exception cref="IOException">The connection is closed or broke off.</exception>
    void SendOwed();

    /// <summary>Has <paramref name="nudge"/> called when something becomes owed, from the thread that reads.</summary>
    void NotifyWhenOwed(Action nudge);

    /// <summary>Ends the connection at once, from any thread.</summary>
    void Abort();
}
