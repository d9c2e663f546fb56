using System.Runtime.InteropServices;

namespace Rind.Platform;

/// <summary>
/// rind's arguments and environment as the bytes it was started with, before .NET decoded them as UTF-8.
/// </summary>
internal static class StartupBytes
{
    /// <returns>rind's arguments, the program's name left out, or null when they cannot be read.</returns>
    /// <remarks>
    /// Linux shows them in /proc/self/cmdline. macOS has no /proc; its C runtime keeps argc and argv for
    /// _NSGetArgc and _NSGetArgv, which read the same bytes there.
    /// </remarks>
    public static IReadOnlyList<byte[]>? Arguments()
    {
        if (OperatingSystem.IsMacOS())
        {
            return AppleArguments();
        }

        try
        {
            // A NUL after every argument, the last one included; an empty argument is a NUL alone.
            var arguments = File.ReadAllBytes("/proc/self/cmdline").AsSpan();
            if (arguments.IsEmpty || arguments[^1] != 0)
            {
                return null;
            }

            arguments = arguments[..^1];
            List<byte[]> found = [];
            foreach (var range in arguments.Split((byte)0))
            {
                found.Add(arguments[range].ToArray());
            }

            return found[1..];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <returns>The variable's value, or null when it is not set.</returns>
    public static unsafe byte[]? Variable(string name)
    {
        var value = NativeMethods.GetEnv(name);
        return value is null ? null : MemoryMarshal.CreateReadOnlySpanFromNullTerminated(value).ToArray();
    }

    private static unsafe List<byte[]> AppleArguments()
    {
        var count = *NativeMethods.AppleArgumentCount();
        var arguments = *NativeMethods.AppleArguments();
        List<byte[]> found = [];
        for (var index = 1; index < count; index++)
        {
            found.Add(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(arguments[index]).ToArray());
        }

        return found;
    }
}
