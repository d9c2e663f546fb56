using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class TlsTransportTests
{
    [EndpointFact(TestEndpoints.TlsHost)]
    public async Task A_verified_tls_engine_runs_the_command_and_gets_the_end_of_stdin()
    {
        await using var container = await LabelledContainer.StartAsync();

        var result = await RindBinary.RunAsync(
            ["-v", "sh", "-c", "cat; exit 6"], stdin: "over tls\n"u8.ToArray(), environment: Tls(TestEndpoints.Get(TestEndpoints.TlsCertPath)));

        Assert.Equal("over tls\n", result.Stdout);
        Assert.Equal(6, result.ExitCode);
        Assert.Contains($"rind: engine {TestEndpoints.Get(TestEndpoints.TlsHost)} from DOCKER_HOST (TLS: True)", result.Stderr, StringComparison.Ordinal);
    }

    [EndpointFact(TestEndpoints.TlsHost)]
    public async Task An_engine_certificate_from_another_authority_is_refused()
    {
        var result = await RindBinary.RunAsync(["true"], environment: Tls(TestEndpoints.Get(TestEndpoints.TlsWrongCaCertPath)));

        Assert.Equal(125, result.ExitCode);
        Assert.Equal(
            $"rind: TLS with the engine at {TestEndpoints.Get(TestEndpoints.TlsHost)} failed: the engine's certificate is not signed by " +
            $"{Path.Combine(TestEndpoints.Get(TestEndpoints.TlsWrongCaCertPath), "ca.pem")}; check the files in DOCKER_CERT_PATH (or the context's TLS files)\n",
            result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [EndpointFact(TestEndpoints.TlsHost)]
    public async Task Without_a_client_certificate_the_engine_refuses_rind_and_rind_says_so()
    {
        var certs = Directory.CreateTempSubdirectory("rind-it-ca-");
        try
        {
            File.Copy(Path.Combine(TestEndpoints.Get(TestEndpoints.TlsCertPath), "ca.pem"), Path.Combine(certs.FullName, "ca.pem"));

            var result = await RindBinary.RunAsync(["true"], environment: Tls(certs.FullName));

            Assert.Equal(125, result.ExitCode);
            Assert.Equal(
                $"rind: the engine at {TestEndpoints.Get(TestEndpoints.TlsHost)} broke off the request: it may want a client certificate, " +
                "and rind had none to send (cert.pem and key.pem in DOCKER_CERT_PATH)\n",
                result.Stderr);
        }
        finally
        {
            certs.Delete(recursive: true);
        }
    }

    [EndpointFact(TestEndpoints.TlsHost)]
    public async Task Missing_certificate_files_are_named()
    {
        var result = await RindBinary.RunAsync(["true"], environment: new Dictionary<string, string?>
        {
            ["DOCKER_HOST"] = TestEndpoints.Get(TestEndpoints.TlsHost),
            ["DOCKER_TLS_VERIFY"] = "1",
            ["DOCKER_CERT_PATH"] = "/nonexistent/certs",
        });

        Assert.Equal(125, result.ExitCode);
        Assert.Equal(
            "rind: DOCKER_CERT_PATH=/nonexistent/certs does not exist: point it at the folder of ca.pem, cert.pem and key.pem\n",
            result.Stderr);
    }

    [EndpointFact(TestEndpoints.TlsHost)]
    public async Task A_context_with_tls_files_reaches_the_tls_engine()
    {
        await using var container = await LabelledContainer.StartAsync();
        using var store = new DockerContextStoreFolder();
        store.AddContext("secure", TestEndpoints.Get(TestEndpoints.TlsHost), tlsFilesFrom: TestEndpoints.Get(TestEndpoints.TlsCertPath));

        var result = await RindBinary.RunAsync(
            ["--context", "secure", "echo", "via context"], environment: new Dictionary<string, string?> { ["DOCKER_CONFIG"] = store.Path });

        Assert.Equal("via context\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [EndpointFact(TestEndpoints.TlsHost)]
    public async Task An_engine_trusted_by_its_own_ca_pem_spares_reading_the_systems_certificates()
    {
        await using var container = await LabelledContainer.StartAsync();
        var system = Directory.CreateTempSubdirectory("rind-it-system-store-");
        try
        {
            // A system store of the test's own, which would trust the engine too: only whether it is read is seen.
            var bundle = Path.Combine(system.FullName, "bundle.pem");
            var folder = Directory.CreateDirectory(Path.Combine(system.FullName, "certs")).FullName;
            var ca = Path.Combine(TestEndpoints.Get(TestEndpoints.TlsCertPath), "ca.pem");
            File.Copy(ca, bundle);
            File.Copy(ca, Path.Combine(folder, "engine.pem"));
            var trace = Path.Combine(system.FullName, "trace");
            var environment = Tls(TestEndpoints.Get(TestEndpoints.TlsCertPath));
            environment["SSL_CERT_FILE"] = bundle;
            environment["SSL_CERT_DIR"] = folder;

            var result = await ProcessRunner.RunAsync(
                "strace", ["-f", "-qq", "-e", "trace=open,openat", "-o", trace, RindBinary.Path, "true"], environment: environment);

            Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
            var opened = (await File.ReadAllLinesAsync(trace)).Select(line => line.Split('"')).Where(parts => parts.Length >= 2).Select(parts => parts[1]);
            Assert.DoesNotContain(opened, path => path.StartsWith(bundle, StringComparison.Ordinal) || path.StartsWith(folder, StringComparison.Ordinal));
        }
        finally
        {
            system.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string?> Tls(string certPath) => new()
    {
        ["DOCKER_HOST"] = TestEndpoints.Get(TestEndpoints.TlsHost),
        ["DOCKER_TLS_VERIFY"] = "1",
        ["DOCKER_CERT_PATH"] = certPath,
    };
}
