namespace Rind.Transport.Http;

/// <summary>The response to a request for an upgrade: the stream the connection switched to (101), or else the refusal, read whole.</summary>
/// <param name="Stream">The connection as a raw stream, which the caller owns; null when the upgrade was refused.</param>
/// <param name="Body">The refusal's body; empty when the connection switched.</param>
internal sealed record UpgradeResponse(HttpResponseHead Head, UpgradedStream? Stream, byte[] Body);
