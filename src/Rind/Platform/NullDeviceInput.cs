namespace Rind.Platform;

/// <summary>Whether rind's stdin is /dev/null, as in cron jobs, CI steps and <c>&lt; /dev/null</c>.</summary>
internal static class NullDeviceInput
{
    private const int CharacterDevice = 0x2000;

    /// <summary>
    /// Compares the device behind descriptor 0 with /dev/null's. Only a command given input must be told
    /// where it ends, which not every backend can do.
    /// </summary>
    public static bool IsStdinNullDevice()
    {
        var stdin = OperatingSystem.IsMacOS() ? "/dev/fd/0" : "/proc/self/fd/0";
        return NativeMethods.GetFileStatus(stdin, out var type, out var device) == 0
            && type == CharacterDevice
            && NativeMethods.GetFileStatus("/dev/null", out var nullType, out var nullDevice) == 0
            && nullType == CharacterDevice
            && device == nullDevice;
    }
}
