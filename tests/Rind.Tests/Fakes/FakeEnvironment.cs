using Rind.Platform;

namespace Rind.Tests.Fakes;

/// <summary>An environment with just the given variables.</summary>
internal sealed class FakeEnvironment(params (string Name, string Value)[] variables) : IEnvironment
{
    private readonly Dictionary<string, string> _variables = variables.ToDictionary(v => v.Name, v => v.Value);

    public string? GetVariable(string name) => _variables.GetValueOrDefault(name);

    public string? CurrentDirectory { get; init; } = "/";
}
