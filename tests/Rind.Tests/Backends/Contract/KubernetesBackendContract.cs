using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Rind.Backends;
using Rind.Kubernetes;
using Rind.Tests.Fakes;

namespace Rind.Tests.Backends.Contract;

/// <summary>
/// The contract on the Kubernetes backend with its own API client, against a loopback API server that
/// plays the pod's side of each exec.
/// </summary>
public sealed class KubernetesBackendContract : BackendContract
{
    private readonly FakePodCommand _command = new();

    internal override BackendTraits ExpectedTraits { get; } =
        new(Server: "the cluster", SizesTerminalAtStart: false, ReportsStartFailures: false, Notices: null);

    internal override Candidate Target { get; } = new("web-7d4f", "web-7d4f", new RunSettings("annotation")) { Container = "app" };

    internal override IFakeCommand Command => _command;

    public override async Task DisposeAsync()
    {
        await _command.DisposeAsync();
        await base.DisposeAsync();
    }

    internal override IBackend CreateBackend()
    {
        var credentials = Mock.Of<IClusterCredentials>(source => source.Get() == new ClusterCredential("t0ken", null));
        var access = new ClusterAccess(_command.Address, "dev", "shop", credentials);
        return new KubernetesBackend(access, TimeSpan.FromSeconds(10), new FakeEnvironment(), NullLogger.Instance);
    }
}
