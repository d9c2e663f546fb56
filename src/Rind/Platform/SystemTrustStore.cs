namespace Rind.Platform;

/// <summary>
/// Keeps .NET from loading the system's certificate authorities when an engine's or a cluster's own
/// authority alone is trusted, or none is. On Linux .NET builds every TLS chain with the system's store
/// loaded, whatever the trust mode: at the first handshake it reads each file of /etc/ssl/certs, about a
/// tenth of a second, as long as a whole exec. It finds that store through SSL_CERT_FILE and SSL_CERT_DIR in the C library's environment;
/// set empty, they name none. Only rind's own process is changed: the environment that .NET hands to the
/// processes rind starts is copied first.
/// </summary>
internal static class SystemTrustStore
{
    private static int _left;

    /// <summary>From now on, the process loads no system authority (a store already loaded stays).</summary>
    public static void LeaveAside()
    {
        if (Interlocked.Exchange(ref _left, 1) == 1)
        {
            return;
        }

        // The managed copy of the environment, which children get, is made now if it was not yet: without the change.
        _ = Environment.GetEnvironmentVariables();
        NativeMethods.SetEnv("SSL_CERT_FILE", "", overwrite: 1);
        NativeMethods.SetEnv("SSL_CERT_DIR", "", overwrite: 1);
    }
}
