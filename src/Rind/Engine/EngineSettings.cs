namespace Rind.Engine;

/// <summary>
/// Which engine to talk to and how.
/// </summary>
/// <param name="Tls">TLS for a tcp:// engine; null for none.</param>
/// <param name="ApiVersion">The API version to speak without negotiating, from DOCKER_API_VERSION.</param>
/// <param name="Origin">Where the choice came from, for --verbose: "DOCKER_HOST", "context prod", ...</param>
internal sealed record EngineSettings(EngineEndpoint Endpoint, TlsSettings? Tls, ApiVersion? ApiVersion, string Origin);
