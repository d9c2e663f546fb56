using System.Security.Cryptography;
using System.Text;
using Rind.Docker;
using Rind.Docker.Configuration;
using Rind.Platform;
using Rind.Tests.Fakes;

namespace Rind.Tests.Docker.Configuration;

public sealed class EngineSettingsResolverTests : IDisposable
{
    private readonly DirectoryInfo _config = Directory.CreateTempSubdirectory("rind-resolver-");

    public void Dispose() => _config.Delete(recursive: true);

    [Fact]
    public void DOCKER_HOST_and_DOCKER_API_VERSION_are_read_from_the_environment()
    {
        var settings = Resolve(environment: [("DOCKER_HOST", "tcp://127.0.0.1:2999"), ("DOCKER_API_VERSION", "1.43")]);

        Assert.Equal(new TcpEngineEndpoint("127.0.0.1", 2999), settings.Endpoint);
        Assert.Equal(new ApiVersion(1, 43), settings.ApiVersion);
        Assert.Equal("DOCKER_HOST", settings.Origin);
        Assert.Null(settings.Tls);
    }

    [Fact]
    public void The_host_option_wins_over_every_other_setting()
    {
        WriteContext("ctx", "tcp://10.1.1.1:2375");
        var settings = Resolve(
            host: "unix:///run/other.sock",
            environment: [("DOCKER_HOST", "tcp://127.0.0.1:1"), ("DOCKER_CONTEXT", "ctx")],
            currentContext: "ctx");

        Assert.Equal(new UnixEngineEndpoint("/run/other.sock"), settings.Endpoint);
        Assert.Equal("--host", settings.Origin);
    }

    [Fact]
    public void The_context_option_wins_over_DOCKER_HOST()
    {
        WriteContext("remote", "tcp://build.example:2375");

        var settings = Resolve(context: "remote", environment: [("DOCKER_HOST", "unix:///run/local.sock")]);

        Assert.Equal(new TcpEngineEndpoint("build.example", 2375), settings.Endpoint);
        Assert.Equal("context remote (--context)", settings.Origin);
    }

    [Fact]
    public void DOCKER_HOST_wins_over_DOCKER_CONTEXT_and_the_current_context()
    {
        WriteContext("remote", "tcp://build.example:2375");

        var settings = Resolve(environment: [("DOCKER_HOST", "unix:///run/local.sock"), ("DOCKER_CONTEXT", "remote")], currentContext: "remote");

        Assert.Equal(new UnixEngineEndpoint("/run/local.sock"), settings.Endpoint);
    }

    [Fact]
    public void DOCKER_CONTEXT_wins_over_the_current_context()
    {
        WriteContext("one", "unix:///run/one.sock");
        WriteContext("two", "unix:///run/two.sock");

        var settings = Resolve(environment: [("DOCKER_CONTEXT", "two")], currentContext: "one");

        Assert.Equal(new UnixEngineEndpoint("/run/two.sock"), settings.Endpoint);
        Assert.Equal("context two (DOCKER_CONTEXT)", settings.Origin);
    }

    [Fact]
    public void The_current_context_of_the_config_file_is_used_when_nothing_else_names_an_engine()
    {
        WriteContext("colima", "unix:///home/me/.colima/docker.sock");

        var settings = Resolve(currentContext: "colima");

        Assert.Equal(new UnixEngineEndpoint("/home/me/.colima/docker.sock"), settings.Endpoint);
        Assert.Equal("context colima (the Docker CLI's current context)", settings.Origin);
    }

    [Fact]
    public void The_config_file_is_not_read_when_DOCKER_HOST_names_the_engine()
    {
        var read = false;

        EngineSettingsResolver.Resolve(
            null, null, Environment(("DOCKER_HOST", "unix:///run/x.sock")), () => { read = true; return DockerCliConfig.Empty; }, _ => SocketCheck.Usable);

        Assert.False(read);
    }

    [Fact]
    public void The_context_named_default_is_the_default_socket()
    {
        var settings = Resolve(context: "default", sockets: path => path == "/var/run/docker.sock" ? SocketCheck.Usable : Missing);

        Assert.Equal(new UnixEngineEndpoint("/var/run/docker.sock"), settings.Endpoint);
    }

    [Fact]
    public void An_unknown_context_is_a_one_line_error_that_says_where_rind_looked()
    {
        var exception = Assert.Throws<RindException>(() => Resolve(context: "nope"));

        Assert.Equal(
            $"context \"nope\" does not exist in {Path.Combine(_config.FullName, "contexts")}: docker context ls lists the ones there are",
            exception.Message);
    }

    [Fact]
    public void An_unreadable_context_is_a_one_line_error_naming_the_file()
    {
        var meta = WriteContext("broken", "unix:///x");
        File.WriteAllText(meta, "{ not json");

        var exception = Assert.Throws<RindException>(() => Resolve(context: "broken"));

        Assert.StartsWith($"cannot read context \"broken\" from {meta}: ", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public void A_contexts_tls_files_and_verification_setting_are_used()
    {
        WriteContext("secure", "tcp://127.0.0.1", skipTlsVerify: false, tlsFiles: ["ca.pem", "cert.pem", "key.pem"]);

        var settings = Resolve(context: "secure");

        var tlsDirectory = Path.Combine(_config.FullName, "contexts", "tls", Id("secure"), "docker");
        Assert.Equal(new TcpEngineEndpoint("127.0.0.1", 2376), settings.Endpoint);
        Assert.Equal(
            new TlsSettings(true, Path.Combine(tlsDirectory, "ca.pem"), Path.Combine(tlsDirectory, "cert.pem"), Path.Combine(tlsDirectory, "key.pem")),
            settings.Tls);
    }

    [Fact]
    public void A_context_that_skips_verification_has_tls_without_it()
    {
        WriteContext("lax", "tcp://127.0.0.1:2376", skipTlsVerify: true);

        var settings = Resolve(context: "lax");

        Assert.Equal(new TlsSettings(false, null, null, null), settings.Tls);
    }

    [Fact]
    public void Without_an_address_the_first_socket_that_exists_is_used_in_the_documented_order()
    {
        var settings = Resolve(
            environment: [("XDG_RUNTIME_DIR", "/run/user/1000")],
            sockets: path => path is "/run/user/1000/podman/podman.sock" or "/run/podman/podman.sock" ? SocketCheck.Usable : Missing);

        Assert.Equal(new UnixEngineEndpoint("/run/user/1000/podman/podman.sock"), settings.Endpoint);
        Assert.Equal("Podman's socket", settings.Origin);
    }

    [Fact]
    public void The_default_socket_comes_before_the_rootless_ones()
    {
        var settings = Resolve(environment: [("XDG_RUNTIME_DIR", "/run/user/1000")], sockets: _ => SocketCheck.Usable);

        Assert.Equal(new UnixEngineEndpoint("/var/run/docker.sock"), settings.Endpoint);
        Assert.Equal("the default socket", settings.Origin);
    }

    [Fact]
    public void Without_any_socket_the_error_names_every_place_looked_at()
    {
        var exception = Assert.Throws<RindException>(() => Resolve(environment: [("XDG_RUNTIME_DIR", "/run/user/7")], sockets: _ => Missing));

        Assert.Equal(
            "cannot reach the Docker engine: no engine socket at /var/run/docker.sock, /run/user/7/docker.sock, " +
            "/run/user/7/podman/podman.sock, /run/podman/podman.sock; is the engine running? " +
            "Start Docker (or Podman's socket), or set DOCKER_HOST or a context",
            exception.Message);
    }

    [Fact]
    public void Each_place_passed_over_is_told_in_order_with_why_up_to_the_socket_used()
    {
        var passedOver = new List<PassedOverSocket>();
        var checks = new Dictionary<string, SocketCheck>
        {
            ["/var/run/docker.sock"] = new(true, "permission denied"),
            ["/run/user/1000/docker.sock"] = new(false, "it is a folder, not a socket"),
            ["/run/user/1000/podman/podman.sock"] = SocketCheck.Usable,
        };

        var settings = Resolve(environment: [("XDG_RUNTIME_DIR", "/run/user/1000")], sockets: path => checks[path], passedOver: passedOver.Add);

        Assert.Equal("Podman's socket", settings.Origin);
        Assert.Equal(
            [
                new PassedOverSocket("/var/run/docker.sock", "the default socket", "permission denied"),
                new PassedOverSocket("/run/user/1000/docker.sock", "rootless Docker's socket", "it is a folder, not a socket"),
            ],
            passedOver);
    }

    [Fact]
    public void Without_any_socket_every_place_is_told_as_passed_over_before_the_error()
    {
        var passedOver = new List<PassedOverSocket>();

        Assert.Throws<RindException>(() => Resolve(environment: [("XDG_RUNTIME_DIR", "/run/user/7")], sockets: _ => Missing, passedOver: passedOver.Add));

        Assert.Equal(
            ["/var/run/docker.sock", "/run/user/7/docker.sock", "/run/user/7/podman/podman.sock", "/run/podman/podman.sock"],
            passedOver.Select(socket => socket.Path));
        Assert.All(passedOver, socket => Assert.Equal("it does not exist", socket.Reason));
    }

    [Fact]
    public void When_no_socket_may_be_used_the_first_one_there_is_chosen_so_that_connecting_says_why()
    {
        var passedOver = new List<PassedOverSocket>();

        var settings = Resolve(
            environment: [("XDG_RUNTIME_DIR", "/run/user/1000")],
            sockets: path => path == "/run/user/1000/docker.sock" ? new SocketCheck(true, "permission denied") : Missing,
            passedOver: passedOver.Add);

        Assert.Equal(new UnixEngineEndpoint("/run/user/1000/docker.sock"), settings.Endpoint);
        Assert.Equal(["/var/run/docker.sock", "/run/user/1000/podman/podman.sock", "/run/podman/podman.sock"], passedOver.Select(socket => socket.Path));
    }

    [Fact]
    public void No_socket_is_looked_at_when_DOCKER_HOST_names_the_engine()
    {
        var looked = new List<string>();

        Resolve(environment: [("DOCKER_HOST", "unix:///run/x.sock")], sockets: path => { looked.Add(path); return SocketCheck.Usable; });

        Assert.Empty(looked);
    }

    [Fact]
    public void DOCKER_TLS_VERIFY_takes_the_files_of_DOCKER_CERT_PATH_and_the_tls_port()
    {
        var certs = CertificateFolder("ca.pem", "cert.pem", "key.pem");

        var settings = Resolve(environment: [("DOCKER_HOST", "tcp://127.0.0.1"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", certs)]);

        Assert.Equal(new TcpEngineEndpoint("127.0.0.1", 2376), settings.Endpoint);
        Assert.Equal(
            new TlsSettings(true, Path.Combine(certs, "ca.pem"), Path.Combine(certs, "cert.pem"), Path.Combine(certs, "key.pem")),
            settings.Tls);
    }

    [Fact]
    public void DOCKER_TLS_alone_is_tls_without_verification()
    {
        var certs = CertificateFolder("cert.pem", "key.pem");

        var settings = Resolve(environment: [("DOCKER_HOST", "tcp://127.0.0.1:2376"), ("DOCKER_TLS", "1"), ("DOCKER_CERT_PATH", certs)]);

        Assert.Equal(new TlsSettings(false, null, Path.Combine(certs, "cert.pem"), Path.Combine(certs, "key.pem")), settings.Tls);
    }

    [Fact]
    public void Without_DOCKER_CERT_PATH_the_files_are_looked_for_in_the_config_folder()
    {
        File.WriteAllText(Path.Combine(_config.FullName, "ca.pem"), "");

        var settings = Resolve(environment: [("DOCKER_HOST", "tcp://127.0.0.1:2376"), ("DOCKER_TLS_VERIFY", "1")]);

        Assert.Equal(Path.Combine(_config.FullName, "ca.pem"), settings.Tls!.CaFile);
    }

    [Fact]
    public void Tls_settings_do_not_apply_to_a_unix_socket()
    {
        var settings = Resolve(environment: [("DOCKER_HOST", "unix:///run/x.sock"), ("DOCKER_TLS_VERIFY", "1")]);

        Assert.Null(settings.Tls);
    }

    [Theory]
    [InlineData(new[] { "ca.pem", "cert.pem" }, "has cert.pem but no key.pem: the client certificate needs both")]
    [InlineData(new[] { "ca.pem", "key.pem" }, "has key.pem but no cert.pem: the client certificate needs both")]
    [InlineData(new[] { "cert.pem", "key.pem" }, "has no ca.pem to verify the engine's certificate with: put the engine's CA there, or unset DOCKER_TLS_VERIFY")]
    public void Missing_certificate_files_are_named(string[] files, string expected)
    {
        var certs = CertificateFolder(files);

        var exception = Assert.Throws<RindException>(
            () => Resolve(environment: [("DOCKER_HOST", "tcp://127.0.0.1"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", certs)]));

        Assert.Equal($"{certs} {expected}", exception.Message);
    }

    [Fact]
    public void A_DOCKER_CERT_PATH_that_does_not_exist_is_named()
    {
        var exception = Assert.Throws<RindException>(
            () => Resolve(environment: [("DOCKER_HOST", "tcp://127.0.0.1"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", "/nonexistent/certs")]));

        Assert.Equal("DOCKER_CERT_PATH=/nonexistent/certs does not exist: point it at the folder of ca.pem, cert.pem and key.pem", exception.Message);
    }

    [Fact]
    public void Each_engine_call_may_take_30_seconds_unless_RIND_TIMEOUT_says_otherwise()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Resolve(environment: [("DOCKER_HOST", "tcp://127.0.0.1:2999")]).CallTimeout);
    }

    [Theory]
    [InlineData("5", 5_000)]
    [InlineData("2.5", 2_500)]
    [InlineData(" 120 ", 120_000)]
    public void RIND_TIMEOUT_sets_the_seconds_each_engine_call_may_take(string value, int milliseconds)
    {
        var settings = Resolve(environment: [("DOCKER_HOST", "tcp://127.0.0.1:2999"), ("RIND_TIMEOUT", value)]);

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), settings.CallTimeout);
    }

    [Fact]
    public void A_malformed_DOCKER_API_VERSION_is_a_one_line_error()
    {
        var exception = Assert.Throws<RindException>(() => Resolve(environment: [("DOCKER_API_VERSION", "latest")]));

        Assert.Equal("DOCKER_API_VERSION=latest is not an API version such as 1.41", exception.Message);
    }

    private EngineSettings Resolve(
        string? host = null,
        string? context = null,
        (string, string)[]? environment = null,
        string? currentContext = null,
        Func<string, SocketCheck>? sockets = null,
        Action<PassedOverSocket>? passedOver = null) =>
        EngineSettingsResolver.Resolve(
            host,
            context,
            Environment(environment ?? []),
            () => new DockerCliConfig { CurrentContext = currentContext },
            sockets ?? (_ => SocketCheck.Usable),
            passedOver);

    private static SocketCheck Missing => new(false, "it does not exist");

    private FakeEnvironment Environment(params (string, string)[] variables) =>
        new([("DOCKER_CONFIG", _config.FullName), .. variables]);

    private string WriteContext(string name, string host, bool skipTlsVerify = false, string[]? tlsFiles = null)
    {
        var meta = Path.Combine(_config.FullName, "contexts", "meta", Id(name), "meta.json");
        Directory.CreateDirectory(Path.GetDirectoryName(meta)!);
        File.WriteAllText(
            meta,
            "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"" + host
            + "\",\"SkipTLSVerify\":" + (skipTlsVerify ? "true" : "false") + "}}}");
        if (tlsFiles is not null)
        {
            var tls = Path.Combine(_config.FullName, "contexts", "tls", Id(name), "docker");
            Directory.CreateDirectory(tls);
            foreach (var file in tlsFiles)
            {
                File.WriteAllText(Path.Combine(tls, file), "");
            }
        }

        return meta;
    }

    private string CertificateFolder(params string[] files)
    {
        var folder = _config.CreateSubdirectory("certs-" + Guid.NewGuid().ToString("N")[..6]).FullName;
        foreach (var file in files)
        {
            File.WriteAllText(Path.Combine(folder, file), "");
        }

        return folder;
    }

    private static string Id(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
}
