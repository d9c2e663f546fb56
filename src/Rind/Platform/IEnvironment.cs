namespace Rind.Platform;

/// <summary>
/// The environment rind reads its settings from.
/// </summary>
internal interface IEnvironment
{
    string? GetVariable(string name);

    /// <summary>A variable used as a setting: its value trimmed, or null when it is unset or blank.</summary>
    string? GetSetting(string name) =>
        GetVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The folder rind runs in, or null when it no longer exists.</summary>
    string? CurrentDirectory { get; }
}
