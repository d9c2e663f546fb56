namespace Rind.Cli;

/// <summary>The shells <c>rind --completion</c> prints a script for.</summary>
internal static class CompletionShells
{
    public static readonly IReadOnlyList<string> Names = ["bash", "zsh", "fish"];

    public static string Listed => "bash, zsh or fish";
}
