using System.Runtime.InteropServices;

namespace Rind.Platform;

/// <summary>
/// The signals that would end rind, taken over while a command runs so that they reach the command instead.
/// </summary>
internal interface ISignals
{
    /// <summary>
    /// Calls <paramref name="received"/> for SIGINT, SIGTERM, SIGHUP and SIGQUIT instead of ending rind, until disposed.
    /// </summary>
    IDisposable Intercept(Action<PosixSignal> received);
}
