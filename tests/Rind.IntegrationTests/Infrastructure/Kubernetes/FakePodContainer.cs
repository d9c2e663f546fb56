namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>A container of a fake pod: its name in the pod, and the test engine's container its execs run in.</summary>
public sealed record FakePodContainer(string Name, string EngineContainerId, string Image = TestImages.Busybox)
{
    /// <summary>What <c>hostname</c> prints in it: the engine names a container's host by the start of its id.</summary>
    public string Hostname => EngineContainerId[..12];

    /// <summary>Its processes, one line each, as the engine's <c>top</c> shows them.</summary>
    public Task<IReadOnlyList<string>> ProcessesAsync() => TestEngine.ProcessesAsync(EngineContainerId);
}
