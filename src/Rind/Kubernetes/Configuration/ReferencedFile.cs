using Rind.Platform;

namespace Rind.Kubernetes.Configuration;

/// <summary>A file a kubeconfig names (certificate, key, token): read whole, bounded, or a one-line error.</summary>
internal static class ReferencedFile
{
    /// <summary>Certificates, keys and tokens are a few KiB; a larger file is refused rather than read.</summary>
    private const int MaxBytes = 1024 * 1024;

    /// <param name="what">What the file is, for the message: "the client-key of user \"dev\"".</param>
    /// <exception cref="RindException">It cannot be read, said in one line.</exception>
    public static byte[] Read(string path, string what)
    {
        try
        {
            return SmallFile.ReadOrNull(path, MaxBytes) ?? throw new RindException($"cannot read {what}, {path}: it does not exist");
        }
        catch (IOException exception)
        {
            throw new RindException($"cannot read {what}, {path}: {exception.Message}", innerException: exception);
        }
    }
}
