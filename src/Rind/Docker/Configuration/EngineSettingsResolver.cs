using Rind.Platform;
using Rind.Transport;

namespace Rind.Docker.Configuration;

/// <summary>
/// Chooses the engine in the Docker CLI's order: --host or --context (not both), then DOCKER_HOST,
/// DOCKER_CONTEXT, the config file's current context, and last the default socket, or the rootless
/// Docker and Podman sockets where it is not one rind may connect to.
/// </summary>
internal static class EngineSettingsResolver
{
    private const string DefaultContext = "default";

    /// <param name="readConfig">Reads the Docker CLI's config.json; called only when the choice needs it.</param>
    /// <param name="checkSocket">Looks at a path where the default socket or one of its alternatives may be.</param>
    /// <param name="passedOver">Told of each of those places that was looked at and not used, in order.</param>
    public static EngineSettings Resolve(
        string? hostOption,
        string? contextOption,
        IEnvironment environment,
        Func<DockerCliConfig> readConfig,
        Func<string, SocketCheck> checkSocket,
        Action<PassedOverSocket>? passedOver = null) =>
        ResolveEndpoint(hostOption, contextOption, environment, readConfig, checkSocket, passedOver ?? (_ => { }))
            with { CallTimeout = CallTimeoutSetting.Read(environment) };

    private static EngineSettings ResolveEndpoint(
        string? hostOption,
        string? contextOption,
        IEnvironment environment,
        Func<DockerCliConfig> readConfig,
        Func<string, SocketCheck> checkSocket,
        Action<PassedOverSocket> passedOver)
    {
        var apiVersion = ReadApiVersion(environment);
        var (host, hostOrigin) = hostOption is not null ? (hostOption, "--host")
            : contextOption is null && environment.GetSetting("DOCKER_HOST") is { } fromEnvironment ? (fromEnvironment, "DOCKER_HOST")
            : (null, null);
        if (host is null)
        {
            var (context, contextOrigin) = ContextName(contextOption, environment, readConfig);
            if (context is not null && context != DefaultContext)
            {
                return FromContext(DockerContextStore.Read(ConfigDirectory(environment), context), contextOrigin!, apiVersion);
            }
        }

        var tls = TlsFromEnvironment(environment);
        if (host is not null)
        {
            var endpoint = EngineEndpointParser.Parse(host, tls is not null, hostOrigin);
            return new EngineSettings(endpoint, endpoint is TcpEngineEndpoint ? tls : null, apiVersion, hostOrigin!);
        }

        var (socket, socketOrigin) = DefaultSocket(environment, checkSocket, passedOver);
        return new EngineSettings(new UnixEngineEndpoint(socket), null, apiVersion, socketOrigin);
    }

    /// <summary>The places an engine's socket is looked for when nothing names one, in order.</summary>
    public static IReadOnlyList<(string Path, string Origin)> DefaultSockets(IEnvironment environment)
    {
        List<(string, string)> sockets = [(EngineEndpointParser.DefaultSocketPath, "the default socket")];
        if (environment.GetSetting("XDG_RUNTIME_DIR") is { } runtime)
        {
            sockets.Add((Path.Combine(runtime, "docker.sock"), "rootless Docker's socket"));
            sockets.Add((Path.Combine(runtime, "podman", "podman.sock"), "Podman's socket"));
        }

        sockets.Add(("/run/podman/podman.sock", "Podman's system socket"));
        return sockets;
    }

    /// <summary>
    /// The first of the default sockets that rind may connect to. When there is none, the first socket
    /// that is there at all, which rind may not connect to: connecting to it then says so, and how to get
    /// the permission, as with the Docker CLI, which only knows the default one.
    /// </summary>
    private static (string Path, string Origin) DefaultSocket(
        IEnvironment environment, Func<string, SocketCheck> checkSocket, Action<PassedOverSocket> passedOver)
    {
        var sockets = DefaultSockets(environment);
        List<SocketCheck> checks = [];
        foreach (var socket in sockets)
        {
            checks.Add(checkSocket(socket.Path));
            if (checks[^1].WhyNotUsable is null)
            {
                break;
            }
        }

        var chosen = checks[^1].WhyNotUsable is null ? checks.Count - 1 : checks.FindIndex(check => check.IsSocket);
        for (var index = 0; index < checks.Count; index++)
        {
            if (index != chosen)
            {
                passedOver(new PassedOverSocket(sockets[index].Path, sockets[index].Origin, checks[index].WhyNotUsable!));
            }
        }

        if (chosen >= 0)
        {
            return sockets[chosen];
        }

        throw new RindException(
            $"cannot reach the Docker engine: no engine socket at {string.Join(", ", sockets.Select(s => s.Path))}; " +
            "is the engine running? Start Docker (or Podman's socket), or set DOCKER_HOST or a context");
    }

    private static (string? Name, string? Origin) ContextName(string? contextOption, IEnvironment environment, Func<DockerCliConfig> readConfig)
    {
        if (contextOption is not null)
        {
            return (contextOption, $"context {contextOption} (--context)");
        }

        if (environment.GetSetting("DOCKER_CONTEXT") is { } fromEnvironment)
        {
            return (fromEnvironment, $"context {fromEnvironment} (DOCKER_CONTEXT)");
        }

        var current = NotEmpty(readConfig().CurrentContext);
        return (current, current is null ? null : $"context {current} (the Docker CLI's current context)");
    }

    private static EngineSettings FromContext(DockerContext context, string origin, ApiVersion? apiVersion)
    {
        var tls = context.TlsDirectory is not null || context.SkipTlsVerify
            ? new TlsSettings(
                VerifyServer: !context.SkipTlsVerify,
                CaFile: ExistingFile(context.TlsDirectory, "ca.pem"),
                CertFile: ExistingFile(context.TlsDirectory, "cert.pem"),
                KeyFile: ExistingFile(context.TlsDirectory, "key.pem"))
            : null;
        var endpoint = EngineEndpointParser.Parse(context.Host, tls is not null, $"context {context.Name}");
        return new EngineSettings(endpoint, endpoint is TcpEngineEndpoint ? tls : null, apiVersion, origin);
    }

    /// <summary>TLS as DOCKER_TLS_VERIFY, DOCKER_TLS and DOCKER_CERT_PATH ask for it; null for none.</summary>
    private static TlsSettings? TlsFromEnvironment(IEnvironment environment)
    {
        var verify = environment.GetSetting("DOCKER_TLS_VERIFY") is not null;
        if (!verify && environment.GetSetting("DOCKER_TLS") is null)
        {
            return null;
        }

        var named = environment.GetSetting("DOCKER_CERT_PATH");
        var directory = named ?? ConfigDirectory(environment);
        if (named is not null && !Directory.Exists(named))
        {
            throw new RindException($"DOCKER_CERT_PATH={named} does not exist: point it at the folder of ca.pem, cert.pem and key.pem");
        }

        var tls = new TlsSettings(
            verify, ExistingFile(directory, "ca.pem"), ExistingFile(directory, "cert.pem"), ExistingFile(directory, "key.pem"));
        if ((tls.CertFile is null) != (tls.KeyFile is null))
        {
            var (present, missing) = tls.CertFile is null ? ("key.pem", "cert.pem") : ("cert.pem", "key.pem");
            throw new RindException($"{directory} has {present} but no {missing}: the client certificate needs both");
        }

        if (verify && named is not null && tls.CaFile is null)
        {
            throw new RindException(
                $"{directory} has no ca.pem to verify the engine's certificate with: put the engine's CA there, or unset DOCKER_TLS_VERIFY");
        }

        return tls;
    }

    private static ApiVersion? ReadApiVersion(IEnvironment environment)
    {
        var requested = environment.GetSetting("DOCKER_API_VERSION");
        if (requested is null)
        {
            return null;
        }

        return ApiVersion.TryParse(requested, out var version)
            ? version
            : throw new RindException($"DOCKER_API_VERSION={requested} is not an API version such as 1.41");
    }

    private static string ConfigDirectory(IEnvironment environment) =>
        DockerCliConfigReader.ConfigDirectory(environment)
        ?? throw new RindException("cannot find the Docker CLI's config folder: set DOCKER_CONFIG or HOME");

    private static string? ExistingFile(string? directory, string name) =>
        directory is not null && File.Exists(Path.Combine(directory, name)) ? Path.Combine(directory, name) : null;

    private static string? NotEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
