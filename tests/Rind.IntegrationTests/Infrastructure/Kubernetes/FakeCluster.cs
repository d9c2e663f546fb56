using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// A fake Kubernetes API server on 127.0.0.1 (HTTPS, a random port, a certificate authority of its
/// own, a bearer token), whose pods are containers of the test engine: what it says about pods is
/// made up, but every exec really runs in the pod's container, over the exec subresource's WebSocket
/// protocol (v5.channel.k8s.io and v4.channel.k8s.io) or over SPDY/3.1 (v4.channel.k8s.io to
/// channel.k8s.io), as <see cref="FakeClusterOptions"/> say.
/// </summary>
public sealed class FakeCluster : IAsyncDisposable
{
    private readonly WebApplication _server;
    private readonly FakeClusterState _state;
    private readonly List<LabelledContainer> _containers = [];

    private FakeCluster(WebApplication server, FakeClusterState state, Uri address)
    {
        _server = server;
        _state = state;
        Server = address;
    }

    /// <summary>The server's address, https://127.0.0.1:PORT.</summary>
    public Uri Server { get; }

    /// <summary>The certificate authority that signed the server's certificate, as PEM.</summary>
    public string CaPem => _state.Certificates.AuthorityPem;

    /// <summary>The bearer token the server accepts; null when it accepts any request.</summary>
    public string? Token => _state.Options.Token;

    public FakeClusterOptions Options => _state.Options;

    /// <summary>Every request the server received, in order.</summary>
    public IReadOnlyList<FakeApiRequest> Requests => _state.Requests;

    /// <summary>Every request for the exec subresource, in order, with what became of it.</summary>
    public IReadOnlyList<FakeExecRequest> ExecRequests => _state.ExecRequests;

    /// <summary>
    /// The execs that ran a client's command, over whichever transport: the upgraded requests, without the
    /// refusals before them, and without a WebSocket exec that gave way to SPDY for the same command (where
    /// WebSocket speaks only v4, which cannot end piped input).
    /// </summary>
    public IReadOnlyList<FakeExecRequest> Execs
    {
        get
        {
            var upgraded = _state.ExecRequests.Where(exec => exec.AgreedProtocol is not null).ToList();
            return [.. upgraded.Where((exec, index) => index + 1 == upgraded.Count || !GaveWay(exec, upgraded[index + 1]))];
        }
    }

    public static async Task<FakeCluster> StartAsync(FakeClusterOptions? options = null)
    {
        options ??= new FakeClusterOptions();
        var certificates = ClusterCertificates.Create("fake-cluster");
        var state = new FakeClusterState(options, certificates);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = certificates.Server,
                ClientCertificateMode = ClientCertificateMode.AllowCertificate,

                // Checked against the cluster's authority per request, where a wrong one means "no user" rather than a failed handshake.
                ClientCertificateValidation = (_, _, _) => true,
            });
        }));
        var server = builder.Build();
        server.Use(next => context =>
        {
            if (context.Features.Get<IHttpUpgradeFeature>() is { } upgrade)
            {
                var observed = new ObservedUpgradeFeature(upgrade, string.Equals(context.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase));
                context.Features.Set<IHttpUpgradeFeature>(observed);
                context.Features.Set(observed);
            }

            return next(context);
        });
        server.UseWebSockets();
        var handler = new FakeApiHandler(state);
        server.Run(handler.HandleAsync);
        await server.StartAsync();

        var address = new Uri(server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        state.ServerAddress = $"127.0.0.1:{address.Port}";
        return new FakeCluster(server, state, new Uri($"https://127.0.0.1:{address.Port}"));
    }

    /// <summary>Adds a pod, or replaces the one of the same namespace and name (to change its phase, or delete it gracefully).</summary>
    public void AddPod(FakePod pod) => _state.Put(pod);

    /// <summary>Removes a pod, as once its deletion has completed.</summary>
    public bool RemovePod(string name, string @namespace = "default") => _state.Remove(@namespace, name);

    /// <summary>Makes a namespace exist without any pod in it.</summary>
    public void AddNamespace(string name) => _state.AddNamespace(name);

    /// <summary>
    /// Starts an engine container for each of <paramref name="containerNames"/> (without a network,
    /// and without app.rind, which is the pod's business here), and adds a running, ready pod of them.
    /// The cluster removes the containers when disposed.
    /// </summary>
    public async Task<FakePod> RunPodAsync(
        string name,
        string image = TestImages.Busybox,
        IReadOnlyDictionary<string, string>? labels = null,
        IReadOnlyDictionary<string, string>? annotations = null,
        string @namespace = "default",
        IReadOnlyList<string>? containerNames = null)
    {
        var containers = new List<FakePodContainer>();
        foreach (var containerName in containerNames ?? ["app"])
        {
            var container = await LabelledContainer.StartAsync(image, labelled: false);
            lock (_containers)
            {
                _containers.Add(container);
            }

            containers.Add(new FakePodContainer(containerName, container.Id, image));
        }

        var pod = new FakePod(name, containers)
        {
            Namespace = @namespace,
            Labels = labels ?? new Dictionary<string, string>(),
            Annotations = annotations ?? new Dictionary<string, string>(),
        };
        AddPod(pod);
        return pod;
    }

    /// <summary>A client certificate the server accepts as <paramref name="user"/>: certificate and key, as PEM.</summary>
    public (string CertificatePem, string KeyPem) IssueClientCertificate(string user) => _state.Certificates.IssueClient(user);

    /// <summary>
    /// Writes a kubeconfig for this cluster at <paramref name="path"/>: one context, with the
    /// cluster's authority and token unless <paramref name="options"/> say otherwise. A credential
    /// plugin's script goes beside it.
    /// </summary>
    public FakeKubeconfig WriteKubeconfig(string path, FakeKubeconfigOptions? options = null)
    {
        options ??= new FakeKubeconfigOptions();
        string? runsPath = null;
        IEnumerable<string> user;
        if (options.CredentialPlugin is { } plugin)
        {
            var scriptPath = path + ".credential-plugin.sh";
            runsPath = path + ".credential-plugin.runs";
            var certificate = plugin.GivesClientCertificate ? IssueClientCertificate(Options.UserName) : ((string, string)?)null;
            File.WriteAllText(scriptPath, KubeconfigText.PluginScript(plugin, runsPath, plugin.Token ?? Token ?? "", certificate));
            File.SetUnixFileMode(scriptPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            user = KubeconfigText.PluginUser(plugin, scriptPath);
        }
        else if (options.ClientCertificate)
        {
            var (certificatePem, keyPem) = IssueClientCertificate(Options.UserName);
            user = KubeconfigText.CertificateUser(certificatePem, keyPem);
        }
        else
        {
            user = KubeconfigText.TokenUser(options.Token ?? Token ?? "");
        }

        var authority = options.InsecureSkipTlsVerify ? null
            : options.WrongAuthority ? ClusterCertificates.UnrelatedAuthorityPem("unrelated")
            : CaPem;
        File.WriteAllText(path, KubeconfigText.Kubeconfig(options.ContextName, options.Server ?? Server, authority, options.Namespace, user));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new FakeKubeconfig(path, runsPath);
    }

    public async ValueTask DisposeAsync()
    {
        _state.Stop();
        await _server.StopAsync();
        await _server.DisposeAsync();
        _state.Certificates.Dispose();
        List<LabelledContainer> containers;
        lock (_containers)
        {
            containers = [.. _containers];
        }

        foreach (var container in containers)
        {
            await container.DisposeAsync();
        }
    }

    private static bool GaveWay(FakeExecRequest exec, FakeExecRequest next) =>
        exec.Upgrade == "websocket" && next.Upgrade?.StartsWith("SPDY/", StringComparison.OrdinalIgnoreCase) == true
        && exec.Pod == next.Pod && exec.Container == next.Container && exec.Command.SequenceEqual(next.Command);
}
