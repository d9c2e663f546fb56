namespace Rind.Execution;

/// <summary>
/// The labels rind reads on containers.
/// </summary>
internal static class RindLabel
{
    /// <summary>Marks the container rind runs commands in. Its value, when not empty, is the pre-step.</summary>
    public const string Name = "app.rind";

    /// <summary>The shell <c>rind</c> alone opens, as words separated by spaces (for example: zsh -l).</summary>
    public const string Shell = "app.rind.shell";

    /// <summary>The user commands run as, unless -u says otherwise.</summary>
    public const string User = "app.rind.user";

    /// <summary>"false" turns off running in the folder that matches the current one.</summary>
    public const string Cwd = "app.rind.cwd";
}
