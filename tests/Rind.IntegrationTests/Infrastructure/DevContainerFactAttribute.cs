namespace Rind.IntegrationTests.Infrastructure;

/// <summary>A test that brings up dev containers with the dev container CLI: skipped, saying so, when it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DevContainerFactAttribute : FactAttribute
{
    public DevContainerFactAttribute() => Skip = DevContainerCli.SkipReason;
}
