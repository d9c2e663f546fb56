namespace Rind.IntegrationTests.Infrastructure;

/// <summary>A theory that brings up dev containers with the dev container CLI: skipped, saying so, when it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DevContainerTheoryAttribute : TheoryAttribute
{
    public DevContainerTheoryAttribute() => Skip = DevContainerCli.SkipReason;
}
