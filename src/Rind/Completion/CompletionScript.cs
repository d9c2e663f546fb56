namespace Rind.Completion;

/// <summary>The completion script of each shell, kept in Scripts/ as the shell's own files so that they are read and checked as such.</summary>
internal static class CompletionScript
{
    public static string For(string shell)
    {
        using var stream = typeof(CompletionScript).Assembly.GetManifestResourceStream($"Rind.Completion.Scripts.rind.{shell}")
            ?? throw new InvalidOperationException($"no completion script for {shell} is built in");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
