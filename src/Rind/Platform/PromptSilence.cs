namespace Rind.Platform;

/// <summary>
/// Puts stdin and stderr on /dev/null while rind completes a word at a prompt: nothing it starts (an
/// ssh:// engine's ssh, a kubeconfig's credential plugin) can ask for input there or write into it.
/// </summary>
internal static class PromptSilence
{
    /// <summary>Left as they are when /dev/null cannot be opened: completion goes on, its own errors are not printed anyway.</summary>
    public static void Apply()
    {
        var nullDevice = NativeMethods.Open("/dev/null", NativeMethods.ReadWrite);
        if (nullDevice < 0)
        {
            return;
        }

        NativeMethods.Dup2(nullDevice, 0);
        NativeMethods.Dup2(nullDevice, 2);
        if (nullDevice > 2)
        {
            NativeMethods.Close(nullDevice);
        }
    }
}
