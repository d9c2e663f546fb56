namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// The other ways to the test engine that build/test.sh sets up, named by environment variables.
/// </summary>
public static class TestEndpoints
{
    /// <summary>tcp://127.0.0.1:PORT of the engine's TLS listener.</summary>
    public const string TlsHost = "RIND_TLS_HOST";

    /// <summary>ca.pem, cert.pem and key.pem the TLS listener accepts.</summary>
    public const string TlsCertPath = "RIND_TLS_CERT_PATH";

    /// <summary>A client certificate the listener accepts, with a ca.pem that is not the engine's authority.</summary>
    public const string TlsWrongCaCertPath = "RIND_TLS_WRONG_CA_CERT_PATH";

    /// <summary>ssh://ALIAS of a loopback sshd whose sessions reach the test engine.</summary>
    public const string SshHost = "RIND_SSH_HOST";

    public static string Get(string variable) =>
        Environment.GetEnvironmentVariable(variable) ?? throw new InvalidOperationException($"{variable} is not set");

    /// <summary>The engine the tests' containers live on, as DOCKER_HOST names it.</summary>
    public static string DockerHost => Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "unix:///var/run/docker.sock";
}
