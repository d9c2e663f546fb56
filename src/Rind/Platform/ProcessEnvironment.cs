namespace Rind.Platform;

internal sealed class ProcessEnvironment : IEnvironment
{
    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);
}
