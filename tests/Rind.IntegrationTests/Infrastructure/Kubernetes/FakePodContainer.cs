namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>A container of a fake pod: its name in the pod, and the test engine's container its execs run in.</summary>
public sealed record FakePodContainer(string Name, string EngineContainerId, string Image = TestImages.Busybox);
