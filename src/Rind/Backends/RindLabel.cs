namespace Rind.Backends;

/// <summary>
/// The labels rind reads on containers (and, on a pod, its annotations of the same names).
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

    /// <summary>How commands run where these labels say.</summary>
    /// <param name="source">What holds them, as messages name it: "label", "annotation".</param>
    /// <param name="folders">The candidate's mapped folders, which app.rind.cwd may turn off.</param>
    public static RunSettings SettingsOf(IReadOnlyDictionary<string, string> labels, string source, IReadOnlyList<FolderMapping> folders) =>
        new(source)
        {
            PreStep = NotEmpty(labels.GetValueOrDefault(Name)),
            Shell = labels.GetValueOrDefault(Shell)?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } words ? words : null,
            User = NotEmpty(labels.GetValueOrDefault(User)),
            Folders = IsOff(labels.GetValueOrDefault(Cwd)) ? [] : folders,
        };

    private static bool IsOff(string? value) =>
        value?.Trim().ToLowerInvariant() is "false" or "off" or "no" or "0";

    private static string? NotEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
