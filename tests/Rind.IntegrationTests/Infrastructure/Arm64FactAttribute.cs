namespace Rind.IntegrationTests.Infrastructure;

/// <summary>A test of the arm64 executable: skipped, saying why, where the run made none or qemu is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class Arm64FactAttribute : FactAttribute
{
    public Arm64FactAttribute() => Skip = Arm64Binary.Unavailable;
}
