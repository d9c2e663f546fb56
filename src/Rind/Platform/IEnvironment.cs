namespace Rind.Platform;

/// <summary>
/// The environment rind reads its settings from.
/// </summary>
internal interface IEnvironment
{
    string? GetVariable(string name);
}
