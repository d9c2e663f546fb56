namespace Rind.Kubernetes.Api;

/// <summary>
/// Whether an exec could not start because the container lacks the program rind put first in its argv
/// (env, or /bin/sh): a distroless image, not the user's command, is then at fault.
/// </summary>
internal static class MissingProgram
{
    /// <param name="failure">The server's words for why the exec did not start.</param>
    /// <param name="program">The argv's first word.</param>
    public static bool Named(string failure, string program) =>
        failure.Contains($"\"{program}\"", StringComparison.Ordinal)
        && (failure.Contains("not found", StringComparison.OrdinalIgnoreCase) || failure.Contains("no such file or directory", StringComparison.OrdinalIgnoreCase));
}
