namespace Rind.Docker.Configuration;

/// <summary>
/// A named Docker context's engine, as the Docker CLI's context store keeps it.
/// </summary>
/// <param name="Host">The engine's address.</param>
/// <param name="SkipTlsVerify">Whether the engine's certificate goes unchecked.</param>
/// <param name="TlsDirectory">The folder of the context's ca.pem, cert.pem and key.pem, when it has one.</param>
internal sealed record DockerContext(string Name, string Host, bool SkipTlsVerify, string? TlsDirectory);
