namespace Rind.Platform;

/// <summary>
/// What is at a path, in words, from the type bits of its mode (the same numbers on Linux and macOS).
/// </summary>
internal static class FileTypeDescription
{
    public const int Regular = 0x8000;

    private const int Socket = 0xC000;

    private const int NamedPipe = 0x1000;

    /// <returns>null for a regular file; otherwise why it is not one, as "it is a folder".</returns>
    public static string? WhyNotRegular(int type) => type switch
    {
        Regular => null,
        NamedPipe => "it is a named pipe (FIFO), which would wait for a writer",
        _ => Name(type) is { } name ? $"it is {name}" : "it is not a regular file",
    };

    /// <returns>null for a socket; otherwise why it is not one, as "it is a folder, not a socket".</returns>
    public static string? WhyNotSocket(int type) => type switch
    {
        Socket => null,
        _ => Name(type) is { } name ? $"it is {name}, not a socket" : "it is not a socket",
    };

    private static string? Name(int type) => type switch
    {
        Regular => "a regular file",
        0x4000 => "a folder",
        NamedPipe => "a named pipe (FIFO)",
        0x2000 => "a character device",
        0x6000 => "a block device",
        Socket => "a socket",
        _ => null,
    };
}
