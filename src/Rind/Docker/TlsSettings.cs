namespace Rind.Docker;

/// <summary>
/// TLS towards a tcp:// engine, as DOCKER_TLS_VERIFY, DOCKER_TLS and DOCKER_CERT_PATH, or a context, set it up.
/// </summary>
/// <param name="VerifyServer">Whether the engine's certificate must be trusted (by <paramref name="CaFile"/>, else the system's roots).</param>
/// <param name="CaFile">ca.pem: the authority the engine's certificate must come from.</param>
/// <param name="CertFile">cert.pem: rind's client certificate, with <paramref name="KeyFile"/>.</param>
/// <param name="KeyFile">key.pem: the key of the client certificate.</param>
internal sealed record TlsSettings(bool VerifyServer, string? CaFile, string? CertFile, string? KeyFile);
