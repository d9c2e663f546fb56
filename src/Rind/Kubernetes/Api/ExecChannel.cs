namespace Rind.Kubernetes.Api;

/// <summary>The first byte of every message of an exec's WebSocket: the stream it belongs to.</summary>
internal enum ExecChannel : byte
{
    Stdin = 0,
    Stdout = 1,
    Stderr = 2,

    /// <summary>The exec's end: a Status object, Success or Failure.</summary>
    Status = 3,

    /// <summary>The terminal's size, as {"Width":W,"Height":H}.</summary>
    Resize = 4,

    /// <summary>v5 only: the next byte names a channel the client closes (stdin, for the end of input).</summary>
    Close = 255,
}
