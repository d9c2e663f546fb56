namespace Rind.Platform;

/// <summary>
/// What is at a path, in words, from the type bits of its mode (the same numbers on Linux and macOS).
/// </summary>
internal static class FileTypeDescription
{
    public const int Regular = 0x8000;

    /// <returns>null for a regular file; otherwise why it is not one, as "it is a folder".</returns>
    public static string? WhyNotRegular(int type) => type switch
    {
        Regular => null,
        0x4000 => "it is a folder",
        0x1000 => "it is a named pipe (FIFO), which would wait for a writer",
        0x2000 => "it is a character device",
        0x6000 => "it is a block device",
        0xC000 => "it is a socket",
        _ => "it is not a regular file",
    };
}
