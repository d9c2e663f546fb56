namespace Rind.Platform;

/// <summary>
/// The environment rind reads its settings from.
/// </summary>
internal interface IEnvironment
{
    string? GetVariable(string name);

    /// <summary>The folder rind runs in, or null when it no longer exists.</summary>
    string? CurrentDirectory { get; }
}
