namespace Rind.Transport.Http;

/// <summary>One request as rind sends it: the method and target, and what goes with them.</summary>
/// <param name="Target">The path and query (or, for CONNECT, the host:port to reach).</param>
internal sealed record HttpRequest(string Method, string Target)
{
    /// <summary>A JSON body, sent with its length.</summary>
    public ReadOnlyMemory<byte>? JsonBody { get; init; }

    /// <summary>The protocol the connection is asked to switch to (its response: 101): tcp for the engine's exec, websocket for a cluster's.</summary>
    public string? Upgrade { get; init; }

    /// <summary>Further header fields, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}
