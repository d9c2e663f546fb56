namespace Rind.Execution;

/// <summary>
/// The label that marks the container rind runs commands in. Its value, when not empty, is the pre-step.
/// </summary>
internal static class RindLabel
{
    public const string Name = "app.rind";
}
