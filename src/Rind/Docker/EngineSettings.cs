using Rind.Transport;

namespace Rind.Docker;

/// <summary>
/// Which engine to talk to and how.
/// </summary>
/// <param name="Tls">TLS for a tcp:// engine; null for none.</param>
/// <param name="ApiVersion">The API version to speak without negotiating, from DOCKER_API_VERSION.</param>
/// <param name="Origin">Where the choice came from, for --verbose: "DOCKER_HOST", "context prod", ...</param>
internal sealed record EngineSettings(EngineEndpoint Endpoint, TlsSettings? Tls, ApiVersion? ApiVersion, string Origin)
{
    /// <summary>How long connecting and each call may take (<see cref="CallTimeoutSetting"/>); <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    public TimeSpan CallTimeout { get; init; } = CallTimeoutSetting.Default;
}
