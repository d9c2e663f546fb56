using System.Diagnostics;
using System.Runtime.InteropServices;
using Rind.Platform;

namespace Rind.Tests.Platform;

/// <summary>Leaving the system's authorities aside changes rind's own process only.</summary>
public sealed class SystemTrustStoreTests
{
    [Fact(Timeout = 10_000)]
    public async Task The_c_librarys_environment_names_no_store_while_started_processes_keep_theirs()
    {
        var before = Environment.GetEnvironmentVariable("SSL_CERT_DIR") ?? "unset";

        SystemTrustStore.LeaveAside();

        var child = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "echo \"${SSL_CERT_DIR-unset}\""]) { RedirectStandardOutput = true })!;
        var seen = (await child.StandardOutput.ReadToEndAsync()).TrimEnd('\n');
        await child.WaitForExitAsync();
        Assert.Equal(before, seen);
        Assert.Equal("", Marshal.PtrToStringUTF8(getenv("SSL_CERT_DIR")));
    }

    [DllImport("libc")]
    private static extern IntPtr getenv(string name);
}
